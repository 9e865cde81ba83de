using Tapline.Passes.Syntax;

namespace Tapline.Tests.Golden;

/// <summary>Pass 1 on the golden corpus: the printed script matches NAME.p1.stp.</summary>
public sealed class ParseGoldenTests
{
    public static TheoryData<string> Scripts() => new(Repository.GoldenScripts().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parse_GoldenScript_PrintsExpectedText(string name)
    {
        var path = Path.Combine(Repository.Golden, name);
        var printed = TestParser.Print(File.ReadAllText(path), name, TestParser.GoldenArguments(path), TestParser.GoldenGuru(path));
        GoldenFile.Verify(Path.ChangeExtension(path, ".p1.stp"), printed);
    }

    [Fact]
    public void Corpus_HasAtLeastFortyScripts() => Assert.True(Repository.GoldenScripts().Count() >= 40);

    [Fact]
    public void Corpus_HoldsTheSeedErrnoScriptInBothForms()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Examples, "errno.stp")),
            File.ReadAllText(Path.Combine(Repository.Golden, "errno.stp")));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Examples, "errno_any.stp")),
            File.ReadAllText(Path.Combine(Repository.Golden, "errno_any.stp")));
    }

    [Fact]
    public void Corpus_CoversEverySyntaxNodeType()
    {
        var seen = new HashSet<Type>();
        foreach (var path in Repository.GoldenScripts())
        {
            var (program, _) = TestParser.Parse(File.ReadAllText(path), Path.GetFileName(path), TestParser.GoldenArguments(path), TestParser.GoldenGuru(path));
            SyntaxWalker.Collect(program.Script, seen);
        }
        var all = typeof(SyntaxNode).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SyntaxNode)) && !t.IsAbstract);
        var missing = all.Where(t => !seen.Contains(t)).Select(t => t.Name).Order().ToList();
        Assert.True(missing.Count == 0, "no golden script uses: " + string.Join(", ", missing));
    }
}
