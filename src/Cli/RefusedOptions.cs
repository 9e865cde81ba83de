using System.CommandLine;

namespace Tapline.Cli;

/// <summary>
/// stap options whose meaning does not carry over to Tapline: each is known, so that it is
/// never taken for a script argument, and refused with the reason.
/// </summary>
internal static class RefusedOptions
{
    private sealed record Refused(string Name, bool TakesValue, string Reason);

    private static readonly Refused[] All =
    [
        new("-F", false, "flight recorder mode detaches a kernel module; Tapline's probes live in this process"),
        new("-b", false, "bulk mode writes per-CPU kernel relay files; Tapline's output is one stream"),
        new("-S", true, "output file switching (-S) is not implemented"),
        new("-E", true, "extra -E scripts are not implemented; put the probes in the script"),
        new("-P", false, "prologue searching is for DWARF function probes, which need debuginfo"),
        new("-i", false, "the interactive mode is not implemented"),
        new("-r", true, "Tapline runs on this machine's kernel only"),
        new("-a", true, "Tapline runs on this machine's architecture only"),
        new("-R", true, "Tapline has no C runtime directory"),
        new("-B", true, "Tapline builds no kernel module (no kbuild)"),
        new("-d", true, "symbol tables for other modules need debuginfo"),
        new("-J", true, "Tapline loads no kernel module, so it has no module options"),
        new("--ldd", false, "symbol tables for shared libraries need debuginfo"),
        new("--remote", true, "Tapline runs on this machine only"),
        new("--use-server", true, "Tapline compiles locally; there is no compile server"),
        new("--dyninst", false, "Tapline's runtime is its own; there is no dyninst runtime"),
        new("--runtime", true, "Tapline's runtime is its own (kernel, dyninst and bpf runtimes are stap's)"),
        new("--privilege", true, "Tapline runs as the user who starts it; there are no stap privilege levels"),
        new("--unprivileged", false, "Tapline runs as the user who starts it; there are no stap privilege levels"),
        new("--sign-module", false, "Tapline builds no kernel module to sign"),
    ];

    public static IEnumerable<Option> Options() => All.Select(refused => refused.TakesValue
        ? (Option)new Option<string?>(refused.Name) { Description = "Refused: " + refused.Reason, Hidden = true }
        : new Option<bool>(refused.Name) { Description = "Refused: " + refused.Reason, Hidden = true, Arity = ArgumentArity.Zero });

    /// <summary>Why the first refused option given cannot be used, or null when none was given.</summary>
    public static string? FirstGiven(System.CommandLine.ParseResult result)
    {
        var given = result.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Option).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(refused => given.Contains(refused.Name)) is { } first
            ? $"{first.Name} is not supported: {first.Reason}"
            : null;
    }
}
