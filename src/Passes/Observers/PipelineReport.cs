namespace Tapline.Passes.Observers;

/// <summary>
/// What a run of the pipeline cost, pass by pass: the data behind `-v`, `--report` and
/// `--time-passes`. <see cref="Setup"/> is pass 0 (runtime start-up, option handling and
/// set-up, up to the first pass); <see cref="Pipeline"/> is the runner's own wall time.
/// </summary>
public sealed record PipelineReport(
    string Version,
    MachineDescription Machine,
    string Script,
    TimeSpan Setup,
    TimeSpan Pipeline,
    bool Succeeded,
    IReadOnlyList<PassMeasurement> Passes);

/// <summary>Where the numbers were taken.</summary>
public sealed record MachineDescription(
    string HostName, string OperatingSystem, string KernelRelease, string Architecture, int Processors, long MemoryBytes, string Runtime)
{
    public static MachineDescription Current() => new(
        Environment.MachineName,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString,
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}
