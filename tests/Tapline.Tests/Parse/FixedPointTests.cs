using Tapline.Passes.Syntax;
using Tapline.Runtime;

namespace Tapline.Tests.Parse;

/// <summary>Printing is a fixed point: parse(print(t)) prints the same text again.</summary>
public sealed class FixedPointTests
{
    public static TheoryData<string> CorpusAndTapsets() =>
        new(Repository.GoldenScripts().Concat(Repository.TapsetScripts()));

    [Theory]
    [MemberData(nameof(CorpusAndTapsets))]
    public void Print_ReparsedOutput_PrintsTheSameText(string path)
    {
        var arguments = TestParser.GoldenArguments(path);
        var guru = TestParser.GoldenGuru(path);
        var once = TestParser.Print(File.ReadAllText(path), Path.GetFileName(path), arguments, guru);
        var twice = TestParser.Print(ScriptBytes.ToUnicode(once), Path.GetFileName(path), arguments, guru);
        Assert.True(once == twice, "not a fixed point:\n" + Golden.GoldenFile.Diff(once, twice));
    }

    [Theory]
    [InlineData("probe begin { x = a ? b : c ? d : e }")]
    [InlineData("probe begin { x = (a ? b : c) ? d : e }")]
    [InlineData("probe begin { x = a - (b - c) - d }")]
    [InlineData("probe begin { x = -(-a) + !(!b) + ~(~c) + -(--d) + +(++e) }")]
    [InlineData("probe begin { x = a = b = c }")]
    [InlineData("probe begin { if (a) if (b) x = 1; else x = 2 }")]
    [InlineData("probe begin { if (a) { if (b) x = 1 } else x = 2 }")]
    [InlineData("probe begin { if (a) while (b) if (c) x = 1; else x = 2 }")]
    [InlineData("probe begin { x = [a, b] in arr == 1 }")]
    [InlineData("probe begin { x = (a in arr) in arr2 }")]
    [InlineData("probe begin { x = \"a\" . (b + c) . (d . e) }")]
    [InlineData("probe begin { return; x = 1 }")]
    [InlineData("probe begin { x = (a, b) }")]
    public void Print_TrickyPrecedenceAndNesting_IsAFixedPoint(string script)
    {
        var (program, diagnostics) = TestParser.Parse(script);
        if (diagnostics.HasErrors)
            return; // `(a, b)` is not an expression; its diagnostic is tested elsewhere.
        var once = SyntaxPrinter.Print(program.Script);
        Assert.Equal(once, TestParser.Print(once));
    }

    [Theory]
    [InlineData("probe begin { x = a + b * c }", "x = a + b * c;")]
    [InlineData("probe begin { x = (a + b) * c }", "x = (a + b) * c;")]
    [InlineData("probe begin { x = a . b + c }", "x = a . b + c;")]
    [InlineData("probe begin { x = (a . b) + c }", "x = (a . b) + c;")]
    [InlineData("probe begin { x = a << b . c }", "x = a << b . c;")]
    [InlineData("probe begin { x = (a << b) . c }", "x = (a << b) . c;")]
    [InlineData("probe begin { x = !(a in b) }", "x = !(a in b);")]
    [InlineData("probe begin { x = a & b in c }", "x = a & b in c;")]
    [InlineData("probe begin { x = (a & b) in c }", "x = (a & b) in c;")]
    [InlineData("probe begin { x = a || b && c }", "x = a || b && c;")]
    [InlineData("probe begin { x = (a || b) && c }", "x = (a || b) && c;")]
    public void Print_Precedence_KeepsOnlyNeededParentheses(string script, string expectedStatement)
    {
        var printed = TestParser.Print(script);
        Assert.Contains("  " + expectedStatement + "\n", printed);
    }
}
