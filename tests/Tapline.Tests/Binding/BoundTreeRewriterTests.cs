using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;

namespace Tapline.Tests.Binding;

/// <summary>The bound-tree rewriter and printer over every construct the golden scripts hold.</summary>
public sealed class BoundTreeRewriterTests
{
    private sealed class Identity : BoundTreeRewriter;

    /// <summary>Adds one to every number literal, wherever it is.</summary>
    private sealed class AddOne : BoundTreeRewriter
    {
        public override BoundExpression RewriteExpression(BoundExpression expression) =>
            expression is BoundLiteral { Value: long number } literal ? literal with { Value = number + 1 } : base.RewriteExpression(expression);
    }

    private sealed record Unknown(Passes.Syntax.SyntaxNode Syntax) : BoundStatement(Syntax);

    private static ElaboratedProgram Elaborate(string text, bool optimize = false)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(text, optimize);
        Assert.True(program is not null, TestParser.Describe(diagnostics));
        return program;
    }

    private static IEnumerable<BoundBlock> Bodies(ElaboratedProgram program) =>
        program.Probes.Select(p => p.Body).Concat(program.Functions.Select(f => f.Body).OfType<BoundBlock>());

    public static TheoryData<string> GoldenScripts() => [.. Repository.GoldenScripts().Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(GoldenScripts))]
    public void AnIdentityRewrite_GivesBackTheSameTree(string name)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Golden, name));
        var (program, _) = TestPipeline.Elaborate(text, optimize: false);
        if (program is null)
            return; // a golden script that pass 2 refuses has no tree to rewrite
        foreach (var body in Bodies(program))
            Assert.Same(body, new Identity().RewriteStatement(body));
    }

    [Fact]
    public void ARewrite_ReachesLiteralsInEveryKindOfPlace_AndLeavesItsInputAsItWas()
    {
        const string Script = """
            global a, s
            function f(x) { return x + 1 }
            probe begin {
              for (i = 1; i < 2; i++) { a[i, 3] = f(4) ? -5 : 6 }
              while (0 > 7) { delete a[8, *] }
              foreach ([k, l] in a[9, *] limit 10) { s <<< k }
              try { println(@count(s) + 11) } catch (e) { println(e) }
              if ([12, 13] in a) println(@hist_linear(s, 0, 14, 1))
            }
            """;
        var body = Elaborate(Script).Probes.Single().Body;
        var before = BoundTreePrinter.Print(body);

        var rewritten = BoundTreePrinter.Print(new AddOne().RewriteStatement(body));

        Assert.Equal(before, BoundTreePrinter.Print(body));
        foreach (var number in Enumerable.Range(1, 14))
            Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), before);
        Assert.Contains("a[i, 4] = (f(5) ? (-6) : 7)", rewritten);
        Assert.Contains("while ((1 > 8))", rewritten);
        Assert.Contains("delete a[9, *]", rewritten);
        Assert.Contains("foreach ([k, l] in a[10, *] limit 11)", rewritten);
        Assert.Contains("println((@count(s) + 12))", rewritten);
        Assert.Contains("if ([13, 14] in a) println(@hist_linear(s, 1, 15, 2))", rewritten);
    }

    [Fact]
    public void ANodeKindTheRewriterDoesNotKnow_IsAnError_NotPassedOn()
    {
        var syntax = Elaborate("probe begin { }").Probes.Single().Syntax;
        var block = new BoundBlock(syntax, [new Unknown(syntax)]);

        Assert.Throws<InvalidOperationException>(() => new Identity().RewriteStatement(block));
        Assert.Throws<InvalidOperationException>(() => BoundTreePrinter.Print(block));
    }
}
