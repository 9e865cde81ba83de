using Tapline.Tapsets.Generation;
using Tapline.Tracing.Catalog;

namespace Tapline.Tests.Tapsets;

/// <summary>The generated syscall tapsets are what the generator makes from the checked-in catalog.</summary>
public sealed class GeneratedTapsetTests
{
    private static readonly string Snapshot = Path.Combine(Repository.Tapsets, "catalog");

    [Fact]
    public void SyscallTapsets_AreCurrentWithTheCatalogSnapshot()
    {
        var catalog = new SnapshotCatalog(Snapshot);
        var table = SyscallTable.Read(Path.Combine(Snapshot, SyscallTable.FileName("x86_64")));

        Assert.True(SyscallTapsetWriter.Write(table, catalog, "tapsets/catalog")
                == File.ReadAllText(Path.Combine(Repository.Tapsets, SyscallTapsetWriter.FileName)),
            "tapsets/syscalls.stp is stale: run `tools/regenerate tapsets` and commit the result");
        Assert.True(SyscallTapsetWriter.WriteNonDwarf(table, catalog, "tapsets/catalog")
                == File.ReadAllText(Path.Combine(Repository.Tapsets, SyscallTapsetWriter.NonDwarfFileName)),
            "tapsets/nd_syscalls.stp is stale: run `tools/regenerate tapsets` and commit the result");
    }

    [Fact]
    public void SyscallTable_KnowsTheRenamedAndTheNewestSyscalls()
    {
        var table = SyscallTable.Read(Path.Combine(Snapshot, SyscallTable.FileName("x86_64")));
        Assert.Equal("newstat", table.FindByName("stat")?.Tracepoint);
        Assert.Equal(257, table.FindByName("openat")?.Number);
        Assert.Equal("file_setattr", table.FindByNumber(469)?.Name);
        Assert.True(table.Entries.Count > 300);
    }

    [Fact]
    public void SnapshotCatalog_ReadsFormatsBack()
    {
        var catalog = new SnapshotCatalog(Snapshot);
        var exit = catalog.Find(new TracepointName("raw_syscalls", "sys_exit"));
        Assert.NotNull(exit);
        Assert.Equal(["id", "ret"], exit.OwnFields.Select(f => f.Name));
        var enter = catalog.Find(new TracepointName("raw_syscalls", "sys_enter"))!;
        Assert.Equal(6, enter.FindField("args")?.ArrayLength);
        var comm = catalog.Find(new TracepointName("sched", "sched_process_exit"))!.FindField("comm")!;
        Assert.True(comm.IsString);
    }

    [Fact]
    public void FormatParser_WritesWhatItReads()
    {
        var catalog = new SnapshotCatalog(Snapshot);
        foreach (var name in catalog.Names.Take(200))
        {
            var format = catalog.Find(name)!;
            var again = FormatParser.Parse(format.System, FormatParser.Write(format))!;
            Assert.Equal(FormatParser.Write(format), FormatParser.Write(again));
            Assert.Equal(format.Fields.Select(f => f.ToString()), again.Fields.Select(f => f.ToString()));
        }
    }
}
