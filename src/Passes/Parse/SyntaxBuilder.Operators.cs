using System.Collections.Immutable;
using Tapline.Grammar.Generated;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

internal sealed partial class SyntaxBuilder
{
    private sealed record Arity(int Minimum, int Maximum, string Expected);

    private static Arity? ArityOf(string name) => name switch
    {
        _ when SyntaxFacts.AggregateOperators.Contains(name) => new(1, 1, "one statistic"),
        "@hist_log" => new(1, 1, "one statistic"),
        "@hist_linear" => new(4, 4, "a statistic, low, high and width (4 arguments)"),
        "@entry" or "@defined" => new(1, 1, "one expression"),
        "@cast" => new(2, 3, "an address, a type name and an optional module"),
        "@var" => new(1, 2, "a variable name and an optional module"),
        "@perf" => new(1, 1, "a non-empty string literal naming a perf counter"),
        "@const" => new(1, 1, "a non-empty string literal holding a C constant"),
        "@kregister" or "@uregister" => new(1, 1, "a register number"),
        "@kderef" or "@uderef" => new(2, 2, "a size in bytes (a number) and an address"),
        "@probewrite" => new(1, 1, "a variable name"),
        _ => null,
    };

    /// <summary>`@count(s)`, `@hist_linear(s, 0, 100, 10)`, `@entry(e)`, `@defined(e)`, `@cast(...)`, `@var(...)`, `@perf("x")`.</summary>
    private ExpressionSyntax BuildAtOperator(StapParser.OperatorPrimaryContext context) =>
        BuildAtOperator(context.AT_NAME().GetText(), Span(context), context.argumentList()?.expression() ?? []);

    /// <summary>An `@` operator with its arguments checked; a placeholder where it is malformed (reported).</summary>
    private ExpressionSyntax BuildAtOperator(string name, SourceSpan span, StapParser.ExpressionContext[] arguments)
    {
        if (ArityOf(name) is not { } arity)
        {
            diagnostics.ReportUnknownOperator(span, name);
            return Placeholder(span);
        }
        if (arguments.Length < arity.Minimum || arguments.Length > arity.Maximum)
        {
            diagnostics.ReportOperatorArgumentCount(span, name, arity.Expected, arguments.Length);
            return Placeholder(span);
        }

        return name switch
        {
            "@hist_log" or "@hist_linear" => Node(new HistogramExpressionSyntax(
                span, name, BuildSliceable(arguments[0]), arguments.Skip(1).Select(BuildExpression).ToImmutableArray())),
            "@entry" => Node(new EntryExpressionSyntax(span, BuildExpression(arguments[0]))),
            "@defined" => Node(new DefinedExpressionSyntax(span, BuildExpression(arguments[0]))),
            "@cast" => Node(new CastExpressionSyntax(
                span, BuildExpression(arguments[0]), StringArgument(name, arguments[1]),
                arguments.Length > 2 ? StringArgument(name, arguments[2]) : null, [])),
            "@var" => Node(new VarExpressionSyntax(
                span, StringArgument(name, arguments[0]), arguments.Length > 1 ? StringArgument(name, arguments[1]) : null, [])),
            _ when SyntaxFacts.MachineOperators.Contains(name) => BuildMachineOperator(span, name, arguments),
            _ => Node(new AggregateExpressionSyntax(span, name, BuildSliceable(arguments[0]))),
        };
    }

    /// <summary>
    /// `@perf` and `@const` take a string literal, `@kregister` and `@uregister` a register number,
    /// `@kderef` and `@uderef` a size and an address, `@probewrite` a variable; the kernel-side ones need guru mode.
    /// </summary>
    private ExpressionSyntax BuildMachineOperator(Text.SourceSpan span, string name, StapParser.ExpressionContext[] arguments)
    {
        if (name is "@kregister" or "@kderef" or "@const" && !allowEmbedded)
            diagnostics.ReportOperatorNeedsGuru(span, name);
        var built = arguments.Select(BuildExpression).ToImmutableArray();
        var first = built[0];
        var wellFormed = name switch
        {
            "@perf" or "@const" => first is StringLiteralSyntax { Value.Length: > 0 },
            "@kregister" or "@uregister" or "@kderef" or "@uderef" => first is NumberLiteralSyntax,
            _ => first is NameExpressionSyntax,
        };
        if (!wellFormed)
            diagnostics.ReportOperatorArgumentForm(first.Span, name, ArityOf(name)!.Expected);
        return Node(new MachineOperatorExpressionSyntax(span, name, built));
    }

    private string StringArgument(string name, StapParser.ExpressionContext argument)
    {
        if (argument is StapParser.ValueExpressionContext { } value && value.value() is { } bare
            && bare.AMP() is null && bare.memberAccess().Length == 0 && bare.PRETTY_SUFFIX() is null
            && bare.primary() is StapParser.StringPrimaryContext text)
            return BuildString(text.STRING().Symbol).Value;
        diagnostics.ReportStringLiteralExpected(Span(argument), name);
        return "";
    }

    /// <summary>Stands for an operator already reported as malformed, so building can go on.</summary>
    private NumberLiteralSyntax Placeholder(SourceSpan span) => Node(new NumberLiteralSyntax(span, 0, "0"));

    /// <summary>
    /// A call; the print family's shape is checked as stap's parser checks it: `printf` and `sprintf`
    /// start with a literal format, the `printd` family with a literal delimiter and two or more
    /// values, `print` and `sprint` take at least one value.
    /// </summary>
    private CallExpressionSyntax BuildCall(StapParser.CallPrimaryContext context)
    {
        var name = context.IDENTIFIER().GetText();
        var arguments = BuildArguments(context.argumentList());
        var span = Span(context);
        var (literalFirst, minimum, expected) = name switch
        {
            "printf" or "sprintf" => (true, 1, "a string literal format, then the values it converts"),
            "printd" or "printdln" or "sprintd" or "sprintdln" => (true, 3, "a string literal delimiter, then two or more values"),
            "print" or "sprint" => (false, 1, "one or more values"),
            _ => (false, 0, ""),
        };
        if (arguments.Length < minimum)
            diagnostics.ReportPrintArguments(span, name, expected);
        else if (literalFirst && arguments[0] is not StringLiteralSyntax)
            diagnostics.ReportPrintArguments(arguments[0].Span, name, expected);
        return Node(new CallExpressionSyntax(span, name, arguments));
    }
}
