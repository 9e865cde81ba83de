using System.Buffers.Binary;
using System.Collections.Immutable;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;
using Tapline.Tracing.Perf;

namespace Tapline.Tests.Tracing;

/// <summary>The reader's pieces on bytes laid out as the kernel writes them.</summary>
public sealed class ReaderTests
{
    [Theory]
    [InlineData("0-1\n", new[] { 0, 1 })]
    [InlineData("0", new[] { 0 })]
    [InlineData("0,2-4,7", new[] { 0, 2, 3, 4, 7 })]
    public void Online_cpus_are_read_from_the_kernels_list(string list, int[] expected) =>
        Assert.Equal(expected, OnlineCpus.Parse(list));

    [Fact]
    public void A_sample_is_read_field_by_field_in_the_kernels_order()
    {
        var type = SampleFormat.Identifier | SampleFormat.Ip | SampleFormat.Tid | SampleFormat.Time | SampleFormat.Cpu | SampleFormat.Period | SampleFormat.Raw;
        var body = new byte[8 + 8 + 8 + 8 + 8 + 8 + 4 + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(body, 77);           // identifier
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(8), 0xffffffff81000000); // ip
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(16), 100); // pid
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(20), 101); // tid
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(24), 123456789); // time
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(32), 1);   // cpu
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(40), 1);  // period
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(48), 4);   // raw size
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(52), -2);  // raw

        var sample = new SampleLayout((ulong)type).ReadSample(body);

        Assert.Equal((77UL, 100, 101, 123456789L, 1), (sample.Id, sample.Pid, sample.Tid, sample.Time, sample.Cpu));
        Assert.Equal(-2, BinaryPrimitives.ReadInt32LittleEndian(sample.Raw));
        Assert.Throws<InvalidDataException>(() => new SampleLayout((ulong)type).ReadSample(body.AsSpan(0, 50)));
    }

    [Fact]
    public void A_side_band_records_trailer_is_read_from_its_end()
    {
        var type = SampleFormat.Identifier | SampleFormat.Tid | SampleFormat.Time | SampleFormat.Cpu;
        var body = new byte[16 + 32]; // 16 bytes of record, then tid, time, cpu, identifier
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(16), 5);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(20), 6);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(24), 999);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(32), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(40), 42);

        Assert.Equal(new SampleIdentity(42, 5, 6, 999, 1), new SampleLayout((ulong)type).ReadTrailer(body));
        Assert.Equal(42UL, SampleLayout.IdentifierOfTrailer(body));
    }

    [Fact]
    public void Fields_are_read_by_the_formats_offsets_sizes_and_signedness()
    {
        var format = new EventFormat(FormatParser.Parse("test", """
            name: example
            ID: 1
            format:
            	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            	field:int common_pid;	offset:4;	size:4;	signed:1;
            	field:char comm[8];	offset:8;	size:8;	signed:0;
            	field:__data_loc char[] path;	offset:16;	size:4;	signed:0;
            	field:unsigned char flag;	offset:20;	size:1;	signed:0;
            	field:long args[2];	offset:24;	size:16;	signed:1;
            """)!);
        var raw = new byte[48];
        BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(4), -7);
        "bash"u8.CopyTo(raw.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(raw.AsSpan(16), (4u << 16) | 40);
        raw[20] = 0xff;
        BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(24), 3);
        BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(32), -4);
        "/tmp"u8.CopyTo(raw.AsSpan(40));

        Assert.Equal(-7, format.ReadNumber(raw, "common_pid"));
        Assert.Equal(255, format.ReadNumber(raw, "flag"));
        Assert.Equal(-4, format.ReadNumber(raw, "args", 1));
        Assert.Equal("bash", format.ReadText(raw, "comm"));
        Assert.Equal("/tmp", format.ReadText(raw, "path"));
        Assert.Equal("comm=\"bash\" path=\"/tmp\" flag=255 args=[0x3, 0xfffffffffffffffc]", format.Describe(raw));
        Assert.Throws<IndexOutOfRangeException>(() => format.ReadNumber(raw, "args", 2));
        Assert.Throws<KeyNotFoundException>(() => format.ReadNumber(raw, "nope"));
        Assert.Throws<InvalidDataException>(() => format.ReadText(raw.AsSpan(0, 30), "path"));
    }

    [Fact]
    public void The_process_table_follows_comm_fork_and_exit()
    {
        var table = new ProcessTable();
        table.OnComm(10, 10, "bash");
        table.OnFork(11, 10, 11, 10);   // a child process of bash
        table.OnFork(11, 11, 12, 11);   // a thread of the child
        table.OnComm(11, 11, "ls");     // the child execs

        Assert.Equal(("ls", "bash", 10), (table.NameOf(11), table.NameOf(12), table.ParentOf(11)));
        table.OnExit(11, 12);
        table.OnExit(11, 11);
        // Events of its last moments may be merged in after its EXIT record: the name stays for them.
        Assert.Equal(("ls", 10), (table.NameOf(11), table.ParentOf(11)));
        table.OnFork(11, 10, 11, 10);   // the pid is reused by a new child of bash
        Assert.Equal("bash", table.NameOf(11));
    }

    [Fact]
    public void The_process_table_forgets_exited_threads_after_many_more_exits()
    {
        var table = new ProcessTable();
        table.OnComm(5, 5, "early");
        table.OnExit(5, 5);
        for (var tid = 1000; tid < 1000 + 65536; tid++)
        {
            table.OnComm(tid, tid, "later");
            table.OnExit(tid, tid);
        }
        Assert.Equal("", table.NameOf(5));
        Assert.Equal("later", table.NameOf(1000 + 65535));
    }

    [Fact]
    public void The_live_process_table_reads_a_thread_it_never_saw_from_proc()
    {
        var comm = File.ReadAllText("/proc/self/comm").TrimEnd('\n');
        Assert.Equal(comm, new ProcessTable(live: true).NameOf(Environment.ProcessId));
        // A recording is another machine's past: /proc says nothing about it.
        Assert.Equal("", new ProcessTable().NameOf(Environment.ProcessId));
    }

    [Fact]
    public void The_process_table_reads_proc_with_this_process_in_it()
    {
        var table = new ProcessTable();
        table.LoadFrom();
        Assert.Equal(File.ReadAllText("/proc/self/comm").TrimEnd('\n'), table.NameOf(Environment.ProcessId));
        Assert.NotEqual(0, table.ParentOf(Environment.ProcessId));
        Assert.Equal(Environment.ProcessPath, table.ProgramOf(Environment.ProcessId));
    }

    [Fact]
    public void The_process_table_knows_each_process_program_from_its_exec_and_its_fork()
    {
        var table = new ProcessTable();
        table.OnComm(10, 10, "bash", exec: true);
        table.OnExecutableMap(10, "/usr/bin/bash");
        table.OnExecutableMap(10, "/usr/lib/x86_64-linux-gnu/libc.so.6");  // later mappings are libraries
        table.OnFork(11, 10, 11, 10);
        Assert.Equal(("/usr/bin/bash", "/usr/bin/bash"), (table.ProgramOf(10), table.ProgramOf(11)));

        table.OnComm(11, 11, "ls", exec: true);
        Assert.Null(table.ProgramOf(11));  // between the exec and its program's mapping
        table.OnExecutableMap(11, "/usr/bin/ls");
        table.OnExecutableMap(11, "/usr/lib64/ld-linux-x86-64.so.2");
        Assert.Equal(("/usr/bin/ls", "/usr/bin/bash"), (table.ProgramOf(11), table.ProgramOf(10)));
        table.OnComm(11, 11, "renamed");  // prctl(PR_SET_NAME) is not an exec
        Assert.Equal("/usr/bin/ls", table.ProgramOf(11));
    }
}
