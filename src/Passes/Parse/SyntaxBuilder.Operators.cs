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
        _ => null,
    };

    /// <summary>`@count(s)`, `@hist_linear(s, 0, 100, 10)`, `@entry(e)`, `@defined(e)`, `@cast(...)`, `@var(...)`.</summary>
    private ExpressionSyntax BuildAtOperator(StapParser.OperatorPrimaryContext context)
    {
        var name = context.AT_NAME().GetText();
        var span = Span(context);
        var arguments = context.argumentList()?.expression() ?? [];
        var members = BuildMembers(context.memberAccess());
        if (members.Length > 0 && name is not ("@cast" or "@var"))
            diagnostics.ReportMembersNotAllowed(members[0].Span, name);

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
                arguments.Length > 2 ? StringArgument(name, arguments[2]) : null, members)),
            "@var" => Node(new VarExpressionSyntax(
                span, StringArgument(name, arguments[0]), arguments.Length > 1 ? StringArgument(name, arguments[1]) : null, members)),
            _ => Node(new AggregateExpressionSyntax(span, name, BuildSliceable(arguments[0]))),
        };
    }

    private string StringArgument(string name, StapParser.ExpressionContext argument)
    {
        if (argument is StapParser.PrimaryExpressionContext { } primary && primary.primary() is StapParser.StringPrimaryContext text)
            return BuildString(text.STRING().Symbol).Value;
        diagnostics.ReportStringLiteralExpected(Span(argument), name);
        return "";
    }

    /// <summary>Stands for an operator already reported as malformed, so building can go on.</summary>
    private NumberLiteralSyntax Placeholder(SourceSpan span) => Node(new NumberLiteralSyntax(span, 0, "0"));
}
