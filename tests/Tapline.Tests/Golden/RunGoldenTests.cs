namespace Tapline.Tests.Golden;

/// <summary>
/// Pass 5 on recordings: each golden script with a NAME.input file (naming a recording under
/// tests/recordings) is replayed, and its output, with what it wrote on stderr, matches NAME.p5.txt.
/// </summary>
public sealed class RunGoldenTests
{
    public static TheoryData<string> Scripts() => new(Repository.GoldenScripts()
        .Where(path => File.Exists(Path.ChangeExtension(path, ".input")))
        .Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Run_GoldenScriptOnItsRecording_PrintsExpectedOutput(string name)
    {
        var path = Path.Combine(Repository.Golden, name);
        var recording = Path.Combine(Repository.Root, "tests", "recordings", File.ReadAllText(Path.ChangeExtension(path, ".input")).Trim());
        var output = TestPipeline.Replay(File.ReadAllText(path), name, recording);
        GoldenFile.Verify(Path.ChangeExtension(path, ".p5.txt"), output);
    }

    [Fact]
    public void Every_recording_is_replayed_by_some_golden_script()
    {
        var named = Repository.GoldenScripts().Select(p => Path.ChangeExtension(p, ".input")).Where(File.Exists)
            .Select(p => File.ReadAllText(p).Trim()).ToHashSet();
        var recordings = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "recordings"), "*.perf.data").Select(p => Path.GetFileName(p));
        Assert.All(recordings, r => Assert.Contains(r, named));
    }
}
