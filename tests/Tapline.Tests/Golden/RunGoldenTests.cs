namespace Tapline.Tests.Golden;

/// <summary>
/// Pass 5 on recordings: each golden script with a NAME.input file (naming recordings under
/// tests/recordings, one a line) is replayed, and its output, with what it wrote on stderr,
/// matches NAME.p5.txt. Several recordings of one script are the same run in several forms
/// (compressed, pipe mode), which must replay alike.
/// </summary>
public sealed class RunGoldenTests
{
    private static IEnumerable<string> Recordings(string scriptPath) =>
        File.ReadAllLines(Path.ChangeExtension(scriptPath, ".input")).Select(l => l.Trim()).Where(l => l.Length > 0);

    public static TheoryData<string, string> Scripts()
    {
        var cases = new TheoryData<string, string>();
        foreach (var path in Repository.GoldenScripts().Where(p => File.Exists(Path.ChangeExtension(p, ".input"))))
        {
            foreach (var recording in Recordings(path))
                cases.Add(Path.GetFileName(path), recording);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Run_GoldenScriptOnItsRecording_PrintsExpectedOutput(string name, string recording)
    {
        var path = Path.Combine(Repository.Golden, name);
        var output = TestPipeline.Replay(File.ReadAllText(path), name, Path.Combine(Repository.Root, "tests", "recordings", recording));
        // A diagnostic naming the recording names it from the repository, wherever the checkout is.
        GoldenFile.Verify(Path.ChangeExtension(path, ".p5.txt"), output.Replace(Path.TrimEndingDirectorySeparator(Repository.Root) + "/", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_recording_is_replayed_by_some_golden_script()
    {
        var named = Repository.GoldenScripts().Where(p => File.Exists(Path.ChangeExtension(p, ".input")))
            .SelectMany(Recordings).ToHashSet();
        var recordings = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "recordings"), "*.perf.data").Select(p => Path.GetFileName(p));
        Assert.All(recordings, r => Assert.Contains(r, named));
    }
}
