using System.Globalization;
using System.Text.RegularExpressions;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// Evaluates the condition of `%( ... %?`: comparisons of `kernel_v`, `kernel_vr`,
/// `systemtap_v` (version order, or a glob with `==`/`!=`), `arch`, `runtime`,
/// `systemtap_privilege`, `CONFIG_*` (globs, numbers, or another `CONFIG_*`), `guru_mode`,
/// `$#`, `@#`, `$N`, `@N`, literals (`1 == 1`, `"a" == "a*"`) and `@defined(@MACRO)`,
/// joined by `&&`, `||`, `!` and parentheses.
/// </summary>
internal sealed class PreprocessorCondition(PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics)
{
    private IReadOnlyList<SourceToken> _tokens = [];
    private int _position;
    private bool _failed;

    public bool Evaluate(IReadOnlyList<SourceToken> tokens, SourceSpan conditionStart)
    {
        _tokens = tokens;
        _position = 0;
        if (tokens.Count == 0)
            return Fail(conditionStart, "the condition is empty");
        var value = ParseOr();
        if (!_failed && _position < tokens.Count)
            Fail(tokens[_position].Span, $"unexpected '{tokens[_position].Text}'");
        return value && !_failed;
    }

    private bool ParseOr()
    {
        var value = ParseAnd();
        while (Accept(StapLexer.OR_OR))
            value = ParseAnd() | value;
        return value;
    }

    private bool ParseAnd()
    {
        var value = ParseAtom();
        while (Accept(StapLexer.AND_AND))
            value = ParseAtom() & value;
        return value;
    }

    private bool ParseAtom()
    {
        if (_failed)
            return false;
        if (Accept(StapLexer.LPAREN))
        {
            var inner = ParseOr();
            return Expect(StapLexer.RPAREN, "')'") && inner;
        }
        if (Accept(StapLexer.BANG))
            return !ParseAtom();
        var subject = Next();
        if (subject is null)
            return Fail(_tokens[^1].Span, "expected a comparison");
        if (subject.Type == StapLexer.AT_NAME && subject.Text == "@defined")
            return ParseDefined(subject);
        if (subject.Type == StapLexer.MINUS && Peek()?.Type == StapLexer.NUMBER)
        {
            var magnitude = Next()!;
            subject = magnitude.Substitute(StapLexer.NUMBER, "-" + magnitude.Text);
        }
        if (subject.Type is StapLexer.NUMBER or StapLexer.STRING)
            return ParseLiteralComparison(subject);
        if (subject.Type is not (StapLexer.IDENTIFIER or StapLexer.SCRIPT_ARG))
            return Fail(subject.Span, $"expected a name to compare, found '{subject.Text}'");
        return ParseComparison(subject);
    }

    private bool ParseDefined(SourceToken keyword)
    {
        if (!Expect(StapLexer.LPAREN, "'(' after @defined"))
            return false;
        var operand = Next();
        if (operand is null || !Expect(StapLexer.RPAREN, "')'"))
            return Fail(keyword.Span, "expected @defined(@MACRO)");
        if (operand.Type == StapLexer.AT_NAME)
            return macros.Find(operand.Text[1..]) is not null;
        return Fail(operand.Span,
            $"@defined({operand.Text}) cannot be decided before elaboration; in a preprocessor condition @defined tests a macro (@NAME), elsewhere write @defined(...) in an expression");
    }

    private bool ParseComparison(SourceToken subject)
    {
        if (ParseOperatorAndValue(subject) is not var (op, value))
            return false;

        var name = subject.Text;
        return name switch
        {
            "kernel_v" => CompareVersion(environment.Target.KernelVersion, op, value),
            "kernel_vr" => CompareVersion(environment.Target.KernelRelease, op, value),
            "systemtap_v" => CompareVersion(environment.Target.SystemtapVersion, op, value),
            "arch" => CompareGlob(environment.Target.Architecture, op, value),
            "runtime" => CompareGlob(environment.Target.Runtime, op, value),
            "systemtap_privilege" => CompareGlob(environment.Target.Privilege, op, value),
            "guru_mode" => CompareGuruMode(op, value),
            "$#" => CompareNumber(environment.ScriptArguments?.Length ?? 0, op, value),
            "@#" => CompareString((environment.ScriptArguments?.Length ?? 0).ToString(CultureInfo.InvariantCulture), op, value),
            _ when name.StartsWith("CONFIG_", StringComparison.Ordinal) => CompareConfig(subject, op, value),
            _ when subject.Type == StapLexer.SCRIPT_ARG => CompareScriptArgument(subject, op, value),
            _ => ReportUnknownName(subject),
        };
    }

    /// <summary>`%( 1 == 1 %?`, `%( "a" < "b" %?`: a literal on the left, compared with a literal of its own kind (strings in byte order, no globs).</summary>
    private bool ParseLiteralComparison(SourceToken subject)
    {
        if (ParseOperatorAndValue(subject) is not var (op, value))
            return false;
        if (subject.Type == StapLexer.STRING)
            return CompareString(Unquote(subject), op, value);
        return long.TryParse(subject.Text, CultureInfo.InvariantCulture, out var number)
            ? CompareNumber(number, op, value)
            : Fail(subject.Span, $"'{subject.Text}' is not a decimal number");
    }

    /// <summary>
    /// `CONFIG_X == "y"` (a glob), `CONFIG_NR_CPUS == 13` (a number: an unset option is 0, any other
    /// value that is not a C integer an error), `CONFIG_X < CONFIG_Y` (as numbers when both are, else as strings).
    /// </summary>
    private bool CompareConfig(SourceToken subject, SourceToken op, SourceToken value)
    {
        var actual = environment.Target.KernelConfig[subject.Text];
        if (value.Type == StapLexer.NUMBER)
        {
            return TryParseConfigNumber(actual, out var number)
                ? CompareNumber(number, op, value)
                : Fail(subject.Span, $"{subject.Text} is '{actual}', not a number");
        }
        if (value.Type == StapLexer.IDENTIFIER)
        {
            var other = environment.Target.KernelConfig[value.Text];
            return TryParseConfigNumber(actual, out var left) && TryParseConfigNumber(other, out var right)
                ? Holds(op, left.CompareTo(right))
                : Holds(op, string.CompareOrdinal(actual, other));
        }
        return CompareGlob(actual, op, value);
    }

    /// <summary>A config value as C's strtoll reads it in base 0: decimal, 0x hexadecimal or 0 octal; an unset option is 0.</summary>
    private static bool TryParseConfigNumber(string text, out long number)
    {
        number = 0;
        if (text.Length == 0)
            return true;
        var negative = text[0] == '-';
        var digits = text.TrimStart('-', '+');
        if (digits.Length == 0 || text.Length - digits.Length > 1)
            return false;
        var (radix, body) = digits switch
        {
            ['0', 'x' or 'X', .. var rest] => (16, rest),
            ['0', _, ..] => (8, digits[1..]),
            _ => (10, digits),
        };
        try
        {
            number = Convert.ToInt64(body, radix);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
        number = negative ? -number : number;
        return true;
    }

    /// <summary>`guru_mode == 1`: only `==` and `!=`, only against 0 or 1.</summary>
    private bool CompareGuruMode(SourceToken op, SourceToken value)
    {
        if (value.Type != StapLexer.NUMBER)
            return Fail(value.Span, "guru_mode is compared with a number, 0 or 1");
        if (value.Text is not ("0" or "1"))
            return Fail(value.Span, $"guru_mode is 0 or 1, not {value.Text}");
        if (op.Type is not (StapLexer.EQ or StapLexer.NE))
            return Fail(op.Span, $"'{op.Text}' does not apply to guru_mode; use == or !=");
        return CompareNumber(environment.GuruMode ? 1 : 0, op, value);
    }

    private bool CompareString(string actual, SourceToken op, SourceToken value)
    {
        if (value.Type != StapLexer.STRING)
            return Fail(value.Span, $"expected a string literal to compare with, not '{value.Text}'");
        return Holds(op, Math.Sign(string.CompareOrdinal(actual, Unquote(value))));
    }

    private bool ReportUnknownName(SourceToken subject)
    {
        diagnostics.ReportUnknownConditionName(subject.Span, subject.Text);
        _failed = true;
        return false;
    }

    private bool CompareScriptArgument(SourceToken subject, SourceToken op, SourceToken value)
    {
        var arguments = environment.ScriptArguments ?? [];
        var index = int.Parse(subject.Text.AsSpan(1), CultureInfo.InvariantCulture);
        if (index < 1 || index > arguments.Length)
        {
            diagnostics.ReportScriptArgumentOutOfRange(subject.Span, subject.Text, arguments.Length);
            _failed = true;
            return false;
        }
        var argument = arguments[index - 1];
        if (subject.Text[0] == '@')
            return CompareString(argument, op, value);
        if (!long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return Fail(subject.Span, $"argument {subject.Text} is '{argument}', not a number to compare");
        return CompareNumber(number, op, value);
    }

    private bool CompareVersion(string actual, SourceToken op, SourceToken value)
    {
        if (value.Type != StapLexer.STRING)
            return Fail(value.Span, "a version is compared with a string such as \"6.1\"");
        var pattern = Unquote(value);
        if (op.Type is StapLexer.EQ or StapLexer.NE && pattern.IndexOfAny(['*', '?', '[']) >= 0)
            return CompareGlob(actual, op, value);
        return Holds(op, VersionComparer.Compare(actual, pattern));
    }

    private bool CompareGlob(string actual, SourceToken op, SourceToken value)
    {
        if (value.Type != StapLexer.STRING)
            return Fail(value.Span, "expected a string to compare with");
        if (op.Type is not (StapLexer.EQ or StapLexer.NE))
            return Fail(op.Span, $"'{op.Text}' does not apply here; use == or !=");
        var matches = GlobToRegex(Unquote(value)).IsMatch(actual);
        return op.Type == StapLexer.EQ ? matches : !matches;
    }

    private bool CompareNumber(long actual, SourceToken op, SourceToken value)
    {
        if (value.Type != StapLexer.NUMBER || !long.TryParse(value.Text, CultureInfo.InvariantCulture, out var number))
            return Fail(value.Span, $"expected a decimal number to compare with, not '{value.Text}'");
        return Holds(op, actual.CompareTo(number));
    }

    private static bool Holds(SourceToken op, int comparison) => op.Type switch
    {
        StapLexer.LT => comparison < 0,
        StapLexer.LE => comparison <= 0,
        StapLexer.GT => comparison > 0,
        StapLexer.GE => comparison >= 0,
        StapLexer.EQ => comparison == 0,
        _ => comparison != 0,
    };

    /// <summary>The comparison operator and the value after <paramref name="subject"/>, or null (reported) when they are not there.</summary>
    private (SourceToken Op, SourceToken Value)? ParseOperatorAndValue(SourceToken subject)
    {
        var op = Next();
        if (op is null || op.Type is not (StapLexer.LT or StapLexer.LE or StapLexer.GT or StapLexer.GE or StapLexer.EQ or StapLexer.NE))
        {
            Fail((op ?? subject).Span, $"expected a comparison operator after '{subject.Text}'");
            return null;
        }
        return ParseValue() is { } value ? (op, value) : null;
    }

    private SourceToken? ParseValue()
    {
        var value = Next();
        if (value is not null && value.Type == StapLexer.MINUS && Peek()?.Type == StapLexer.NUMBER)
        {
            var number = Next()!;
            return number.Substitute(StapLexer.NUMBER, "-" + number.Text);
        }
        if (value is { Type: StapLexer.IDENTIFIER } && value.Text.StartsWith("CONFIG_", StringComparison.Ordinal))
            return value;
        if (value is null || value.Type is not (StapLexer.STRING or StapLexer.NUMBER))
        {
            Fail((value ?? _tokens[^1]).Span, "expected a string or a number to compare with");
            return null;
        }
        return value;
    }

    private static string Unquote(SourceToken value) =>
        Syntax.StringLiteral.TryUnescape(value.Text[1..^1], out var text, out _, out _) ? text : value.Text[1..^1];

    private static Regex GlobToRegex(string glob)
    {
        var pattern = Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".").Replace("\\[", "[");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    private SourceToken? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private SourceToken? Next() => _position < _tokens.Count ? _tokens[_position++] : null;

    private bool Accept(int type)
    {
        if (_failed || Peek()?.Type != type)
            return false;
        _position++;
        return true;
    }

    private bool Expect(int type, string what)
    {
        if (Accept(type))
            return true;
        return Fail((Peek() ?? _tokens[^1]).Span, $"expected {what}");
    }

    private bool Fail(SourceSpan location, string detail)
    {
        if (!_failed)
            diagnostics.ReportMalformedCondition(location, detail);
        _failed = true;
        return false;
    }
}
