using System.Collections.Frozen;

namespace Tapline.Passes.Binding;

/// <summary>
/// The tapset functions and `@` operators of stap's references that cannot work here, each
/// with the reason pass 2 gives.
/// </summary>
internal static class UnavailableHere
{
    private const string KernelMemory = "it reads kernel memory, which Tapline cannot read (its probes run in a process, not in the kernel)";
    private const string Registers = "tracepoint probes are not handed the registers";
    private const string Backtraces = "kernel backtraces need the kernel's unwind data and symbols, which Tapline does not read";

    private static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>
    {
        ["kernel_string"] = KernelMemory,
        ["kernel_string_n"] = KernelMemory,
        ["kernel_string_quoted"] = KernelMemory,
        ["kernel_string_utf32"] = KernelMemory,
        ["kernel_string_utf16"] = KernelMemory,
        ["kernel_long"] = KernelMemory,
        ["kernel_int"] = KernelMemory,
        ["kernel_short"] = KernelMemory,
        ["kernel_char"] = KernelMemory,
        ["kernel_pointer"] = KernelMemory,
        ["set_kernel_string"] = KernelMemory,
        ["set_kernel_long"] = KernelMemory,
        ["set_kernel_int"] = KernelMemory,
        ["set_kernel_char"] = KernelMemory,
        ["set_kernel_pointer"] = KernelMemory,
        ["register"] = Registers,
        ["u_register"] = Registers,
        ["print_regs"] = Registers,
        ["print_backtrace"] = Backtraces,
        ["backtrace"] = Backtraces,
        ["print_stack"] = Backtraces,
        ["@perf"] = "it reads a perf counter bound to a probe point by 'perf' probes, which Tapline does not provide",
        ["@kregister"] = Registers,
        ["@uregister"] = Registers,
        ["@kderef"] = "tracepoint probes read memory only through the tapset's typed functions",
        ["@uderef"] = "tracepoint probes read memory only through the tapset's typed functions",
        ["@probewrite"] = "it needs DWARF probes, which need debuginfo",
        ["@const"] = "it names a C constant, and Tapline's embedded code is C#",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Why the function or `@` operator <paramref name="name"/> cannot be used here, or null when it can.</summary>
    public static string? ReasonFor(string name) => Reasons.GetValueOrDefault(name);
}
