using System.Collections.Immutable;
using Tapline.Grammar.Generated;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

internal sealed partial class SyntaxBuilder
{
    private ExpressionSyntax BuildExpression(StapParser.ExpressionContext context) => context switch
    {
        StapParser.PrimaryExpressionContext primary => BuildPrimary(primary.primary(), allowWildcards: false),
        StapParser.PostfixExpressionContext postfix =>
            Node(new IncrementExpressionSyntax(Span(context), postfix.op.Text, IsPrefix: false, BuildPrimary(postfix.primary(), allowWildcards: false))),
        StapParser.PrefixExpressionContext prefix =>
            Node(new IncrementExpressionSyntax(Span(context), prefix.op.Text, IsPrefix: true, BuildExpression(prefix.expression()))),
        StapParser.UnaryExpressionContext unary =>
            Node(new UnaryExpressionSyntax(Span(context), unary.op.Text, BuildExpression(unary.expression()))),
        StapParser.BinaryExpressionContext binary => Node(new BinaryExpressionSyntax(
            Span(context), BuildExpression(binary.expression(0)), binary.op.Text, BuildExpression(binary.expression(1)))),
        StapParser.InExpressionContext inExpression => Node(new InExpressionSyntax(
            Span(context), [BuildExpression(inExpression.expression())], Bracketed: false, inExpression.IDENTIFIER().GetText())),
        StapParser.TupleInExpressionContext tuple => Node(new InExpressionSyntax(
            Span(context), BuildIndexList(tuple.indexList(), allowWildcards: true), Bracketed: true, tuple.IDENTIFIER().GetText())),
        StapParser.TernaryExpressionContext ternary => Node(new TernaryExpressionSyntax(
            Span(context),
            BuildExpression(ternary.expression(0)),
            BuildExpression(ternary.expression(1)),
            BuildExpression(ternary.expression(2)))),
        StapParser.AssignmentExpressionContext assignment => Node(new AssignmentExpressionSyntax(
            Span(context), BuildExpression(assignment.expression(0)), assignment.op.Text, BuildExpression(assignment.expression(1)))),
        _ => throw new InvalidOperationException($"unexpected expression {context.GetType().Name}"),
    };

    /// <summary>An expression where `array[*, k]` may name a slice: a delete target or a statistic's operand.</summary>
    private ExpressionSyntax BuildSliceable(StapParser.ExpressionContext context) =>
        context is StapParser.PrimaryExpressionContext primary
            ? BuildPrimary(primary.primary(), allowWildcards: true)
            : BuildExpression(context);

    private ExpressionSyntax BuildPrimary(StapParser.PrimaryContext context, bool allowWildcards) => context switch
    {
        StapParser.NumberPrimaryContext number => BuildLiteral(null, number.NUMBER().Symbol, negative: false, Span(context)),
        StapParser.StringPrimaryContext text => BuildString(text.STRING().Symbol),
        StapParser.CallPrimaryContext call => Node(new CallExpressionSyntax(
            Span(context), call.IDENTIFIER().GetText(), BuildArguments(call.argumentList()))),
        StapParser.IndexPrimaryContext index => Node(new IndexExpressionSyntax(
            Span(context), index.IDENTIFIER().GetText(), BuildIndexList(index.arrayIndex().indexList(), allowWildcards))),
        StapParser.NamePrimaryContext name => Node(new NameExpressionSyntax(Span(context), name.IDENTIFIER().GetText())),
        StapParser.TargetPrimaryContext target => Node(new TargetExpressionSyntax(
            Span(context), target.TARGET().GetText(), BuildMembers(target.memberAccess()))),
        StapParser.OperatorPrimaryContext at => BuildAtOperator(at),
        StapParser.ParenthesizedPrimaryContext parenthesized => allowWildcards
            ? BuildSliceable(parenthesized.expression())
            : BuildExpression(parenthesized.expression()),
        _ => throw new InvalidOperationException($"unexpected primary {context.GetType().Name}"),
    };

    private ImmutableArray<ExpressionSyntax> BuildIndexList(StapParser.IndexListContext context, bool allowWildcards)
    {
        var indexes = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var element in context.indexElement())
        {
            if (element.STAR() is { } star)
            {
                if (!allowWildcards)
                    diagnostics.ReportWildcardNotAllowed(Span(star.Symbol));
                indexes.Add(Node(new WildcardIndexSyntax(Span(star.Symbol))));
            }
            else
                indexes.Add(BuildExpression(element.expression()));
        }
        return indexes.ToImmutable();
    }

    private ImmutableArray<ExpressionSyntax> BuildArguments(StapParser.ArgumentListContext? context) =>
        context is null ? [] : context.expression().Select(BuildExpression).ToImmutableArray();

    private ImmutableArray<MemberAccessSyntax> BuildMembers(IEnumerable<StapParser.MemberAccessContext> members) =>
        members.Select(member => member switch
        {
            StapParser.FieldAccessContext field => (MemberAccessSyntax)Node(new FieldAccessSyntax(Span(member), field.IDENTIFIER().GetText())),
            StapParser.ElementAccessContext element => Node(new ElementAccessSyntax(Span(member), BuildExpression(element.expression()))),
            _ => throw new InvalidOperationException($"unexpected member access {member.GetType().Name}"),
        }).ToImmutableArray();
}
