using System.Buffers.Binary;
using Tapline.Passes.Pipeline;
using Tapline.Tests.Cli;

namespace Tapline.Tests.Tracing;

/// <summary>
/// Recordings in every form perf writes them replay alike (failing_commands.input names the
/// plain, compressed and pipe-mode forms of one run, checked against one golden output); a
/// recording can come on standard input; and
/// records of kinds the replay does not read are counted and said, never dropped in silence.
/// </summary>
public sealed class RecordingFormsTests
{
    private const string Count = "global n probe syscall_any.return { n++ } probe end { printf(\"%d\\n\", n) }";

    private static string Recording(string name) => Path.Combine(Repository.Root, "tests", "recordings", name);

    private static (string Output, string Errors, Passes.Diagnostics.DiagnosticBag Diagnostics) Replay(string path)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = TestPipeline.RunAll(Count, "count.stp", new RunOptions { RecordingPath = path }, output, errors);
        return (output.ToString(), errors.ToString(), diagnostics);
    }

    [Fact]
    public void StandardInput_IsReadWithInputDash()
    {
        var outcome = TaplineProcess.Run($"< '{Recording("task-pipe-compressed.perf.data")}'", "--input", "-", "-e", Count);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(Replay(Recording("task-pipe-compressed.perf.data")).Output, outcome.Stdout);
    }

    [Fact]
    public void RecordsOfKindsTheReplayDoesNotRead_AreCountedAndSaid()
    {
        var bytes = File.ReadAllBytes(Recording("task.perf.data"));
        var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(40));
        // Make the first two sample records THROTTLE records, as a kernel that throttled would have written.
        var changed = 0;
        while (changed < 2)
        {
            var type = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)offset));
            if (type == 9)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)offset), 5);
                changed++;
            }
            offset += BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)offset + 6));
        }
        var path = Path.Combine(Directory.CreateTempSubdirectory("tapline-recording-").FullName, "throttled.perf.data");
        File.WriteAllBytes(path, bytes);

        var (_, _, diagnostics) = Replay(path);

        var warning = Assert.Single(diagnostics);
        Assert.Equal("STP5011", warning.Id);
        Assert.False(warning.IsError);
        Assert.EndsWith("skipped: 2 THROTTLE", warning.Message);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void ACompressedRecordThatDoesNotDecompress_IsADiagnostic()
    {
        var bytes = File.ReadAllBytes(Recording("task-compressed.perf.data"));
        var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(40));
        while (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)offset)) != 81)
            offset += BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)offset + 6));
        bytes.AsSpan((int)offset + 8, 16).Fill(0xa5);
        var path = Path.Combine(Directory.CreateTempSubdirectory("tapline-recording-").FullName, "scribbled.perf.data");
        File.WriteAllBytes(path, bytes);

        var (_, _, diagnostics) = Replay(path);

        var error = Assert.Single(diagnostics);
        Assert.Equal("STP5002", error.Id);
        Assert.Contains("compressed records do not decompress", error.Message);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
