namespace Tapline.Tests.Live;

/// <summary>
/// Live tests run one at a time and alone: they count this process's perf descriptors, which
/// another test's open events would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveCollection
{
    public const string Name = "Live kernel";

    /// <summary>A build cache shared by the live tests, so errno.stp's module is compiled once per test run.</summary>
    public static string CacheDirectory { get; } = Directory.CreateTempSubdirectory("tapline-live-cache-").FullName;

    /// <summary>This process's open perf_event descriptors.</summary>
    public static int PerfDescriptors() => new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
        .Count(fd => fd.LinkTarget is "anon_inode:[perf_event]");

    /// <summary>This process's open BPF programs and maps.</summary>
    public static int BpfDescriptors() => new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
        .Count(fd => fd.LinkTarget is "anon_inode:bpf-prog" or "anon_inode:bpf-map");
}
