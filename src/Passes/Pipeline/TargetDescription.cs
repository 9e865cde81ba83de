namespace Tapline.Passes.Pipeline;

/// <summary>
/// The system a script is compiled for, as preprocessor conditions see it:
/// `kernel_v`, `kernel_vr`, `arch`, `runtime`, `systemtap_v`, `systemtap_privilege`, `CONFIG_*`.
/// </summary>
public sealed record TargetDescription(
    string KernelVersion,
    string KernelRelease,
    string Architecture,
    string Runtime,
    string SystemtapVersion,
    string Privilege,
    KernelConfig KernelConfig)
{
    /// <summary>The SystemTap language version whose semantics Tapline follows.</summary>
    public const string CompatibleSystemtapVersion = "5.1";

    /// <summary>A fixed description, for tests and golden files that must not depend on the host.</summary>
    public static TargetDescription Fixed { get; } = new(
        "6.18.0", "6.18.0-tapline", "x86_64", "kernel", CompatibleSystemtapVersion, "stapdev",
        KernelConfig.Of(new Dictionary<string, string> { ["CONFIG_TRACEPOINTS"] = "y", ["CONFIG_FTRACE_SYSCALLS"] = "y" }));
}
