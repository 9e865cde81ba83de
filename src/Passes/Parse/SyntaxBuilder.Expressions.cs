using System.Collections.Immutable;
using Tapline.Grammar.Generated;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

internal sealed partial class SyntaxBuilder
{
    private ExpressionSyntax BuildExpression(StapParser.ExpressionContext context) => context switch
    {
        StapParser.ValueExpressionContext value => BuildValue(value.value(), allowWildcards: false),
        StapParser.PostfixExpressionContext postfix =>
            Node(new IncrementExpressionSyntax(Span(context), postfix.op.Text, IsPrefix: false, BuildValue(postfix.value(), allowWildcards: false))),
        StapParser.PrefixExpressionContext prefix =>
            Node(new IncrementExpressionSyntax(Span(context), prefix.op.Text, IsPrefix: true, BuildValue(prefix.value(), allowWildcards: false))),
        StapParser.UnaryExpressionContext unary =>
            Node(new UnaryExpressionSyntax(Span(context), unary.op.Text, BuildExpression(unary.expression()))),
        StapParser.BinaryExpressionContext binary => BuildBinary(binary),
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

    /// <summary>A binary operator; `=~` and `!~` take only a string literal on the right, as stap's parser demands.</summary>
    private BinaryExpressionSyntax BuildBinary(StapParser.BinaryExpressionContext binary)
    {
        var right = BuildExpression(binary.expression(1));
        if (binary.op.Type is StapLexer.MATCH or StapLexer.NOT_MATCH && right is not StringLiteralSyntax)
            diagnostics.ReportStringLiteralExpected(right.Span, binary.op.Text);
        return Node(new BinaryExpressionSyntax(Span(binary), BuildExpression(binary.expression(0)), binary.op.Text, right));
    }

    /// <summary>An expression where `array[*, k]` may name a slice: a delete target or a statistic's operand.</summary>
    private ExpressionSyntax BuildSliceable(StapParser.ExpressionContext context) =>
        context is StapParser.ValueExpressionContext value
            ? BuildValue(value.value(), allowWildcards: true)
            : BuildExpression(context);

    /// <summary>
    /// A primary with what may stand around it: `&amp;`, members, a pretty-printing suffix.
    /// Context variables, @cast and @var hold their members; on any other value members are an autocast.
    /// </summary>
    private ExpressionSyntax BuildValue(StapParser.ValueContext context, bool allowWildcards)
    {
        var primary = BuildPrimary(context.primary(), allowWildcards);
        var members = BuildMembers(context.memberAccess(), context.PRETTY_SUFFIX()?.Symbol);
        var value = members.IsEmpty ? primary : WithMembers(primary, members, context);
        return context.AMP() is null ? value : Node(new UnaryExpressionSyntax(Span(context), "&", value));
    }

    private ExpressionSyntax WithMembers(ExpressionSyntax primary, ImmutableArray<MemberAccessSyntax> members, StapParser.ValueContext context)
    {
        var span = context.AMP() is null ? Span(context) : Text.SourceSpan.FromBounds(primary.Span.Source, primary.Span.Start, Span(context).End);
        if (primary is TargetExpressionSyntax { Members.IsEmpty: true } target && context.primary() is StapParser.TargetPrimaryContext)
        {
            if (members is [PrettyPrintSuffixSyntax suffix] && !target.Name.EndsWith('$'))
                return Node(target with { Span = span, Name = target.Name + suffix.Dollars });
            CheckNothingAfterPrettyPrint(target.Name, members);
            return Node(target with { Span = span, Members = members });
        }
        CheckNothingAfterPrettyPrint("", members);
        return primary switch
        {
            CastExpressionSyntax { Members.IsEmpty: true } cast when context.primary() is StapParser.OperatorPrimaryContext =>
                Node(cast with { Span = span, Members = members }),
            VarExpressionSyntax { Members.IsEmpty: true } variable when context.primary() is StapParser.OperatorPrimaryContext =>
                Node(variable with { Span = span, Members = members }),
            _ => Node(new AutocastExpressionSyntax(span, primary, members)),
        };
    }

    /// <summary>A pretty-printed value (`$p$`, `$p->x$`) ends there: no `->` or `[` may follow.</summary>
    private void CheckNothingAfterPrettyPrint(string name, ImmutableArray<MemberAccessSyntax> members)
    {
        var printed = name.Length > 1 && name.EndsWith('$') && name.TrimStart('$').Length > 0;
        foreach (var member in members)
        {
            if (printed && member is not PrettyPrintSuffixSyntax)
            {
                diagnostics.ReportMembersAfterPrettyPrint(member.Span);
                return;
            }
            printed |= member is PrettyPrintSuffixSyntax;
        }
    }

    private ExpressionSyntax BuildPrimary(StapParser.PrimaryContext context, bool allowWildcards) => context switch
    {
        StapParser.NumberPrimaryContext number => BuildLiteral(null, number.NUMBER().Symbol, negative: false, Span(context)),
        StapParser.StringPrimaryContext text => BuildString(text.STRING().Symbol),
        StapParser.EmbeddedPrimaryContext embedded => Node(new EmbeddedExpressionSyntax(Span(context), BuildEmbedded(embedded.EMBEDDED().Symbol))),
        StapParser.CallPrimaryContext call => BuildCall(call),
        StapParser.IndexPrimaryContext index => Node(new IndexExpressionSyntax(
            Span(context), index.IDENTIFIER().GetText(), BuildIndexList(index.arrayIndex().indexList(), allowWildcards))),
        StapParser.NamePrimaryContext name => Node(new NameExpressionSyntax(Span(context), name.IDENTIFIER().GetText())),
        StapParser.TargetPrimaryContext target => Node(new TargetExpressionSyntax(Span(context), target.TARGET().GetText(), [])),
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

    /// <summary>`->name`, `[i]`, and a pretty-printing `$` whether it ends a member's name (`->x$`) or stands alone.</summary>
    private ImmutableArray<MemberAccessSyntax> BuildMembers(IEnumerable<StapParser.MemberAccessContext> contexts, Antlr4.Runtime.IToken? suffix)
    {
        var members = ImmutableArray.CreateBuilder<MemberAccessSyntax>();
        foreach (var member in contexts)
        {
            if (member is StapParser.ElementAccessContext element)
            {
                members.Add(Node(new ElementAccessSyntax(Span(member), BuildExpression(element.expression()))));
                continue;
            }
            var written = ((StapParser.FieldAccessContext)member).memberName().GetText();
            var field = written.TrimEnd('$');
            if (field.Length > 0)
                members.Add(Node(new FieldAccessSyntax(Span(member), field)));
            if (field.Length < written.Length)
                members.Add(Node(new PrettyPrintSuffixSyntax(Span(member), written[field.Length..])));
        }
        if (suffix is not null)
            members.Add(Node(new PrettyPrintSuffixSyntax(Span(suffix), suffix.Text)));
        return members.ToImmutable();
    }
}
