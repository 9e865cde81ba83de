using Tapline.Tapsets.Generation;
using Tapline.Tracing.Catalog;

// tools/regenerate catalog TAPSETS_DIR : snapshot this machine's tracepoint catalog, then regenerate
//                                        the syscall table and tapsets from it
// tools/regenerate tapsets TAPSETS_DIR : regenerate the syscall table and tapsets from the snapshot
if (args.Length != 2 || args[0] is not ("catalog" or "tapsets"))
{
    Console.Error.WriteLine("usage: tools/regenerate (catalog|tapsets) TAPSETS_DIR");
    return 2;
}

var tapsets = args[1];
var snapshot = Path.Combine(tapsets, "catalog");
if (args[0] == "catalog")
{
    var mountPoint = Tracefs.FindMountPoint();
    if (mountPoint is null)
    {
        Console.Error.WriteLine($"tracefs is not mounted: as root, run `mount -t tracefs nodev {Tracefs.DefaultMountPoint}`");
        return 1;
    }
    var live = new TracefsCatalog(mountPoint);
    var kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
    SnapshotCatalog.Write(live, snapshot, $"tracepoint catalog of Linux {kernel} ({System.Runtime.InteropServices.RuntimeInformation.OSArchitecture})");
    var table = SyscallTableBuilder.Build(File.ReadAllText(SyscallTableBuilder.DefaultHeader), live);
    table.Write(Path.Combine(snapshot, SyscallTable.FileName("x86_64")), $"x86_64 syscalls with a tracepoint, Linux {kernel}");
    Console.WriteLine($"{live.Names.Count} tracepoints, {table.Entries.Count} syscalls written to {snapshot}");
}

var catalog = new SnapshotCatalog(snapshot);
var syscalls = SyscallTable.Read(Path.Combine(snapshot, SyscallTable.FileName("x86_64")));
var origin = "tapsets/catalog";
foreach (var stale in Directory.EnumerateFiles(tapsets, "*syscalls*.stp"))
    File.Delete(stale);
foreach (var (name, text) in SyscallTapsetWriter.WriteAll(syscalls, catalog, origin))
    File.WriteAllText(Path.Combine(tapsets, name), text);
Console.WriteLine($"{syscalls.Entries.Count} syscall aliases written to {tapsets}");
return 0;
