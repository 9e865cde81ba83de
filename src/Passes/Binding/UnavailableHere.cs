using System.Collections.Frozen;

namespace Tapline.Passes.Binding;

/// <summary>Tapset functions of stap's reference that cannot work here, each with the reason pass 2 gives.</summary>
internal static class RefusedFunctions
{
    private const string KernelMemory = "it reads kernel memory, which Tapline cannot read (its probes run in a process, not in the kernel)";

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
        ["register"] = "tracepoint probes are not handed the registers",
        ["u_register"] = "tracepoint probes are not handed the registers",
        ["print_regs"] = "tracepoint probes are not handed the registers",
        ["print_backtrace"] = "kernel backtraces need the kernel's unwind data and symbols, which Tapline does not read",
        ["backtrace"] = "kernel backtraces need the kernel's unwind data and symbols, which Tapline does not read",
        ["print_stack"] = "kernel backtraces need the kernel's unwind data and symbols, which Tapline does not read",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? ReasonFor(string name) => Reasons.GetValueOrDefault(name);
}
