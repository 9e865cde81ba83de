using System.Collections.Immutable;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// SystemTap's preprocessor, run on tokens before parsing: evaluates
/// `%( CONDITION %? TOKENS %: TOKENS %)`, records `@define` macros and expands
/// their uses, and substitutes script arguments (`$1` as tokens, `@1` as a string,
/// `$#` and `@#` as their count).
/// </summary>
internal sealed class Preprocessor(PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics)
{
    private const int MaxExpansionDepth = 64;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<SourceToken>> NoArguments =
        new Dictionary<string, IReadOnlyList<SourceToken>>();

    public List<SourceToken> Run(IReadOnlyList<SourceToken> tokens)
    {
        var output = new List<SourceToken>(tokens.Count);
        Process(tokens, output, 0, NoArguments);
        return output;
    }

    private void Process(
        IReadOnlyList<SourceToken> tokens, List<SourceToken> output, int depth,
        IReadOnlyDictionary<string, IReadOnlyList<SourceToken>> arguments)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token.Type)
            {
                case StapLexer.PP_OPEN:
                    i = ProcessConditional(tokens, i, output, depth, arguments);
                    break;
                case StapLexer.PP_THEN or StapLexer.PP_ELSE or StapLexer.PP_CLOSE:
                    diagnostics.ReportStrayConditionalMark(token.Span, token.Text);
                    i++;
                    break;
                case StapLexer.AT_NAME when token.Text == "@define" && depth > 0:
                    diagnostics.ReportMalformedMacroDefinition(token.Span, "'@define' cannot stand inside a macro's body");
                    i = DefineMacro(tokens, i);
                    break;
                case StapLexer.AT_NAME when token.Text == "@define":
                    i = DefineMacro(tokens, i);
                    break;
                case StapLexer.AT_NAME when arguments.TryGetValue(token.Text[1..], out var argument):
                    output.AddRange(argument);
                    i++;
                    break;
                case StapLexer.AT_NAME when !SyntaxFacts.BuiltinAtOperators.Contains(token.Text):
                    i = ExpandMacro(tokens, i, output, depth, arguments);
                    break;
                case StapLexer.SCRIPT_ARG:
                    SubstituteScriptArgument(token, output);
                    i++;
                    break;
                default:
                    output.Add(token);
                    i++;
                    break;
            }
        }
    }

    private int ProcessConditional(
        IReadOnlyList<SourceToken> tokens, int open, List<SourceToken> output, int depth,
        IReadOnlyDictionary<string, IReadOnlyList<SourceToken>> arguments)
    {
        var then = open + 1;
        while (then < tokens.Count && tokens[then].Type != StapLexer.PP_THEN)
        {
            if (tokens[then].Type is StapLexer.PP_OPEN or StapLexer.PP_ELSE or StapLexer.PP_CLOSE)
            {
                diagnostics.ReportMalformedCondition(tokens[then].Span, $"expected '%?' before '{tokens[then].Text}'");
                return SkipPast(tokens, open);
            }
            then++;
        }
        if (then == tokens.Count)
        {
            diagnostics.ReportUnterminatedConditional(tokens[open].Span);
            return tokens.Count;
        }

        var (elseMark, close) = FindBranches(tokens, then + 1);
        if (close < 0)
        {
            diagnostics.ReportUnterminatedConditional(tokens[open].Span);
            return tokens.Count;
        }

        var condition = Slice(tokens, open + 1, then);
        var holds = new PreprocessorCondition(environment, macros, diagnostics).Evaluate(condition, tokens[open].Span);
        var chosen = holds
            ? Slice(tokens, then + 1, elseMark >= 0 ? elseMark : close)
            : elseMark >= 0 ? Slice(tokens, elseMark + 1, close) : [];
        Process(chosen, output, depth, arguments);
        return close + 1;
    }

    /// <summary>Finds this conditional's `%:` (or -1) and its `%)` (or -1 when it never closes).</summary>
    private static (int ElseMark, int Close) FindBranches(IReadOnlyList<SourceToken> tokens, int start)
    {
        var nesting = 0;
        var elseMark = -1;
        for (var i = start; i < tokens.Count; i++)
        {
            switch (tokens[i].Type)
            {
                case StapLexer.PP_OPEN:
                    nesting++;
                    break;
                case StapLexer.PP_ELSE when nesting == 0 && elseMark < 0:
                    elseMark = i;
                    break;
                case StapLexer.PP_CLOSE when nesting == 0:
                    return (elseMark, i);
                case StapLexer.PP_CLOSE:
                    nesting--;
                    break;
            }
        }
        return (elseMark, -1);
    }

    /// <summary>After a malformed conditional, skips to past its `%)` so the rest can still be checked.</summary>
    private static int SkipPast(IReadOnlyList<SourceToken> tokens, int open)
    {
        var (_, close) = FindBranches(tokens, open + 1);
        return close < 0 ? tokens.Count : close + 1;
    }

    private int DefineMacro(IReadOnlyList<SourceToken> tokens, int at)
    {
        var i = at + 1;
        if (i >= tokens.Count || tokens[i].Type != StapLexer.IDENTIFIER)
        {
            diagnostics.ReportMalformedMacroDefinition(tokens[at].Span, "expected a macro name after @define");
            // A body that follows is the nameless macro's, not a condition of its own.
            return i < tokens.Count && tokens[i].Type == StapLexer.PP_OPEN ? SkipPast(tokens, i) : at + 1;
        }
        var nameToken = tokens[i++];
        var name = nameToken.Text;
        if (name == "define")
            diagnostics.ReportRedefinedDefine(nameToken.Span);
        var parameters = ImmutableArray.CreateBuilder<string>();
        if (i < tokens.Count && tokens[i].Type == StapLexer.LPAREN)
        {
            i++;
            while (i < tokens.Count && tokens[i].Type == StapLexer.IDENTIFIER)
            {
                parameters.Add(tokens[i++].Text);
                if (i < tokens.Count && tokens[i].Type == StapLexer.COMMA)
                    i++;
                else
                    break;
            }
            if (i >= tokens.Count || tokens[i].Type != StapLexer.RPAREN)
            {
                diagnostics.ReportMalformedMacroDefinition(tokens[Math.Min(i, tokens.Count - 1)].Span,
                    "expected parameter names separated by ',' and a closing ')'");
                return SkipPast(tokens, i - 1);
            }
            i++;
        }
        if (i >= tokens.Count || tokens[i].Type != StapLexer.PP_OPEN)
        {
            diagnostics.ReportMalformedMacroDefinition(tokens[Math.Min(i, tokens.Count - 1)].Span,
                $"expected '%(' to open the body of macro '{name}'");
            return i;
        }
        var (_, close) = FindBranches(tokens, i + 1);
        if (close < 0)
        {
            diagnostics.ReportUnterminatedMacroDefinition(tokens[i].Span);
            return tokens.Count;
        }
        if (!macros.TryDefine(new MacroDefinition(name, parameters.ToImmutable(), Slice(tokens, i + 1, close))))
            diagnostics.ReportMalformedMacroDefinition(nameToken.Span, $"macro '@{name}' is already defined");
        return close + 1;
    }

    private int ExpandMacro(
        IReadOnlyList<SourceToken> tokens, int at, List<SourceToken> output, int depth,
        IReadOnlyDictionary<string, IReadOnlyList<SourceToken>> callerArguments)
    {
        var use = tokens[at];
        var macro = macros.Find(use.Text[1..]);
        if (macro is null)
        {
            diagnostics.ReportUnknownMacro(use.Span, use.Text);
            return at + 1;
        }
        if (depth >= MaxExpansionDepth)
        {
            diagnostics.ReportMacroRecursion(use.Span, use.Text);
            return at + 1;
        }

        var next = at + 1;
        var rawArguments = new List<List<SourceToken>>();
        if (macro.Parameters.Length > 0)
        {
            next = CollectArguments(tokens, at + 1, rawArguments);
            if (next < 0)
            {
                diagnostics.ReportMacroArgumentCount(use.Span, use.Text, macro.Parameters.Length, 0);
                return at + 1;
            }
        }
        if (rawArguments.Count != macro.Parameters.Length)
        {
            diagnostics.ReportMacroArgumentCount(use.Span, use.Text, macro.Parameters.Length, rawArguments.Count);
            return next;
        }

        var bindings = new Dictionary<string, IReadOnlyList<SourceToken>>();
        for (var p = 0; p < macro.Parameters.Length; p++)
        {
            var expanded = new List<SourceToken>();
            Process(rawArguments[p], expanded, depth + 1, callerArguments);
            bindings[macro.Parameters[p]] = expanded;
        }
        Process(macro.Body, output, depth + 1, bindings);
        return next;
    }

    /// <summary>Reads `( ARG, ARG, ... )` split at top-level commas; returns the index after `)`, or -1.</summary>
    private static int CollectArguments(IReadOnlyList<SourceToken> tokens, int start, List<List<SourceToken>> arguments)
    {
        if (start >= tokens.Count || tokens[start].Type != StapLexer.LPAREN)
            return -1;
        var nesting = 0;
        var current = new List<SourceToken>();
        for (var i = start + 1; i < tokens.Count; i++)
        {
            var type = tokens[i].Type;
            if (nesting == 0 && type == StapLexer.RPAREN)
            {
                if (current.Count > 0 || arguments.Count > 0)
                    arguments.Add(current);
                return i + 1;
            }
            if (nesting == 0 && type == StapLexer.COMMA)
            {
                arguments.Add(current);
                current = new List<SourceToken>();
                continue;
            }
            if (type is StapLexer.LPAREN or StapLexer.LBRACKET or StapLexer.LBRACE)
                nesting++;
            else if (type is StapLexer.RPAREN or StapLexer.RBRACKET or StapLexer.RBRACE)
                nesting--;
            current.Add(tokens[i]);
        }
        return -1;
    }

    private void SubstituteScriptArgument(SourceToken token, List<SourceToken> output)
    {
        var arguments = environment.ScriptArguments ?? ImmutableArray<string>.Empty;
        if (token.Text[1] == '#')
        {
            output.Add(token.Substitute(StapLexer.NUMBER, arguments.Length.ToString()));
            return;
        }
        if (!int.TryParse(token.Text.AsSpan(1), out var index) || index < 1 || index > arguments.Length)
        {
            diagnostics.ReportScriptArgumentOutOfRange(token.Span, token.Text, arguments.Length);
            return;
        }
        var value = arguments[index - 1];
        if (token.Text[0] == '@')
        {
            output.Add(token.Substitute(StapLexer.STRING, StringLiteral.Quote(value)));
            return;
        }
        var argumentSource = new SourceText($"<argument {token.Text}>", value);
        foreach (var lexed in ScriptLexer.Lex(argumentSource, diagnostics))
            output.Add(token.Substitute(lexed.Type, lexed.Text));
    }

    private static List<SourceToken> Slice(IReadOnlyList<SourceToken> tokens, int start, int end)
    {
        var slice = new List<SourceToken>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
            slice.Add(tokens[i]);
        return slice;
    }
}
