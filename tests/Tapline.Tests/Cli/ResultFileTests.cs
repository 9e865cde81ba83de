using Tapline.Cli;
using Tapline.Tracing.Files;

namespace Tapline.Tests.Cli;

/// <summary>`--report`'s file: whole or not at all where the path is a regular file, written through otherwise, never through a planted name.</summary>
public sealed class ResultFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-result-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static void WriteText(string path, string text) =>
        ResultFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Result_RegularFile_IsReplacedWholeWithNoTemporaryLeft()
    {
        File.WriteAllText(PathOf("report.json"), "old");
        WriteText(PathOf("report.json"), "new");

        Assert.Equal("new", File.ReadAllText(PathOf("report.json")));
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Result_FailedWrite_KeepsTheOldFileAndLeavesNoTemporary()
    {
        File.WriteAllText(PathOf("report.json"), "old");

        Assert.Throws<IOException>(() => ResultFile.Write(PathOf("report.json"), _ => throw new IOException("disk full")));

        Assert.Equal("old", File.ReadAllText(PathOf("report.json")));
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Result_SymbolicLink_IsWrittenThroughAndStaysALink()
    {
        File.WriteAllText(PathOf("target"), "old");
        File.CreateSymbolicLink(PathOf("link"), PathOf("target"));

        WriteText(PathOf("link"), "new");

        Assert.Equal("new", File.ReadAllText(PathOf("target")));
        Assert.Equal(FileKind.SymbolicLink, FileStatus.OfPath(PathOf("link"), followLinks: false)!.Value.Kind);
    }

    [Fact]
    public void Result_LinksAtPredictableNames_AreNeverFollowed()
    {
        File.WriteAllText(PathOf("victim"), "precious");
        File.CreateSymbolicLink(PathOf($"report.json.{Environment.ProcessId}.tmp"), PathOf("victim"));
        File.CreateSymbolicLink(PathOf("report.json.tmp"), PathOf("victim"));

        WriteText(PathOf("report.json"), "new");

        Assert.Equal("precious", File.ReadAllText(PathOf("victim")));
        Assert.Equal("new", File.ReadAllText(PathOf("report.json")));
    }

    [Fact]
    public void CreateUnique_NamesAreUnpredictableAndOwnerOnly()
    {
        var (first, firstPath) = SecureFile.CreateUnique(_directory, "x");
        var (second, secondPath) = SecureFile.CreateUnique(_directory, "x");
        first.Dispose();
        second.Dispose();

        Assert.NotEqual(firstPath, secondPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(firstPath));
    }
}
