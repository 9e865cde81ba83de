using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Parse;
using Tapline.Passes.Text;

namespace Tapline.Tests.Parse;

/// <summary>
/// Every corpus file cut at every token: never an exception; a cut inside braces
/// or inside a preprocessor conditional always gives a positioned error.
/// </summary>
public sealed class TruncationTests
{
    public static TheoryData<string> Corpus() => new(Repository.GoldenScripts());

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parse_ScriptCutAtEveryToken_ReportsPositionedErrorWhereIncomplete(string path)
    {
        var text = File.ReadAllText(path);
        var arguments = TestParser.GoldenArguments(path);
        var tokens = ScriptLexer.Lex(new SourceText(path, text), new DiagnosticBag());
        var depth = 0;
        foreach (var token in tokens)
        {
            var cut = text[..token.StartIndex];
            var diagnostics = TestParser.ParseScriptOnly(cut, arguments, TestParser.GoldenGuru(path));
            if (depth > 0)
            {
                var errors = diagnostics.Where(d => d.IsError).ToList();
                Assert.True(errors.Count > 0, $"no error for {Path.GetFileName(path)} cut at offset {token.StartIndex}");
                Assert.All(errors, e => Assert.NotNull(e.Location));
            }
            depth += token.Type switch
            {
                StapLexer.LBRACE or StapLexer.PP_OPEN => 1,
                StapLexer.RBRACE or StapLexer.PP_CLOSE => -1,
                _ => 0,
            };
        }
    }
}
