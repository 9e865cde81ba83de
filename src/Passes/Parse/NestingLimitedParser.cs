using Antlr4.Runtime;
using Tapline.Grammar.Generated;

namespace Tapline.Passes.Parse;

/// <summary>
/// The generated parser with a limit on how deep the parse tree may grow: rule calls, and the
/// links of a left-recursive chain (`1+1+...`), both counted as they are made. Every later
/// pass walks the tree recursively, so a script nested deeper than this is refused here, at
/// the token where the limit was passed, instead of overflowing a stack in some later pass.
/// </summary>
internal sealed class NestingLimitedParser(ITokenStream input) : StapParser(input)
{
    public const int MaxDepth = 1500;

    private readonly Stack<int> _chains = new();
    private int _depth;

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        Deeper();
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void ExitRule()
    {
        _depth--;
        base.ExitRule();
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        _chains.Push(0);
        Deeper();
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    public override void PushNewRecursionContext(ParserRuleContext localctx, int state, int ruleIndex)
    {
        _chains.Push(_chains.Pop() + 1);
        Deeper();
        base.PushNewRecursionContext(localctx, state, ruleIndex);
    }

    public override void UnrollRecursionContexts(ParserRuleContext _parentctx)
    {
        _depth -= _chains.Pop() + 1;
        base.UnrollRecursionContexts(_parentctx);
    }

    public override void Reset()
    {
        _chains.Clear();
        _depth = 0;
        base.Reset();
    }

    private void Deeper()
    {
        _depth++;
        if (_depth > MaxDepth)
            throw new NestingTooDeepException(CurrentToken);
    }
}

/// <summary>The parse went past <see cref="NestingLimitedParser.MaxDepth"/> at <see cref="Token"/>.</summary>
internal sealed class NestingTooDeepException(IToken token) : Exception("nested too deeply")
{
    public IToken Token { get; } = token;
}
