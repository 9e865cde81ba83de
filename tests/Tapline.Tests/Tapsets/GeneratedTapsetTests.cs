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
        var generated = SyscallTapsetWriter.WriteAll(table, catalog, "tapsets/catalog");

        Assert.Equal(generated.Keys.Order(), Directory.GetFiles(Repository.Tapsets, "*syscalls*.stp").Select(Path.GetFileName).Order());
        foreach (var (name, text) in generated)
        {
            Assert.True(text == File.ReadAllText(Path.Combine(Repository.Tapsets, name)),
                $"tapsets/{name} is stale: run `tools/regenerate tapsets` and commit the result");
        }
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
    public void FormatParser_ReadsAKernelFormatFaithfully()
    {
        const string text = """
            name: sched_process_exec
            ID: 365
            format:
            	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            	field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            	field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            	field:int common_pid;	offset:4;	size:4;	signed:1;

            	field:__data_loc char[] filename;	offset:8;	size:4;	signed:0;
            	field:pid_t pid;	offset:12;	size:4;	signed:1;
            	field:const char * name;	offset:16;	size:8;	signed:0;
            	field:unsigned long args[6];	offset:24;	size:48;	signed:0;
            	field:char comm[16];	offset:72;	size:16;	signed:0;

            print fmt: "filename=%s pid=%d", __get_str(filename), REC->pid
            """;
        var format = FormatParser.Parse("sched", text)!;
        Assert.Equal("sched:sched_process_exec", format.FullName);
        Assert.Equal(365, format.Id);
        var fields = format.OwnFields.ToList();
        Assert.Equal(["filename", "pid", "name", "args", "comm"], fields.Select(f => f.Name));
        Assert.True(fields[0].IsString && fields[0].IsDataLocation);
        Assert.Equal(("pid_t", true, 12, 4), (fields[1].CType, fields[1].IsSigned, fields[1].Offset, fields[1].Size));
        Assert.True(fields[2].IsPointer && !fields[2].IsString);
        Assert.Equal(6, fields[3].ArrayLength);
        Assert.True(fields[4].IsString);
        var written = FormatParser.Write(format);
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("\tfield:")))
            Assert.Contains(line + "\n", written);
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
