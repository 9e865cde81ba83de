namespace Tapline.Tests.Golden;

/// <summary>Passes 1 and 2 on the golden corpus: the `-p2` listing (or the diagnostics) matches NAME.p2.txt.</summary>
public sealed class ElaborateGoldenTests
{
    public static TheoryData<string> Scripts() => ParseGoldenTests.Scripts();

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Elaborate_GoldenScript_ListsExpectedProgram(string name)
    {
        var path = Path.Combine(Repository.Golden, name);
        GoldenFile.Verify(Path.ChangeExtension(path, ".p2.txt"), TestPipeline.RunGolden(path, 2));
    }
}
