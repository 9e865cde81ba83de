namespace Tapline.Passes.Syntax;

public sealed partial class SyntaxPrinter
{
    private void WriteExpression(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case NumberLiteralSyntax number:
                _text.Append(number.Text);
                break;
            case StringLiteralSyntax text:
                _text.Append(StringLiteral.Quote(text.Value));
                break;
            case NameExpressionSyntax name:
                _text.Append(name.Name);
                break;
            case WildcardIndexSyntax:
                _text.Append('*');
                break;
            case IndexExpressionSyntax index:
                _text.Append(index.Array);
                WriteIndexList(index.Indexes);
                break;
            case CallExpressionSyntax call:
                _text.Append(call.Function);
                WriteArguments(call.Arguments);
                break;
            case TargetExpressionSyntax target:
                _text.Append(target.Name);
                WriteMembers(target.Members);
                break;
            case UnaryExpressionSyntax unary:
                _text.Append(unary.Operator);
                WriteUnaryOperand(unary.Operand);
                break;
            case IncrementExpressionSyntax { IsPrefix: true } prefix:
                _text.Append(prefix.Operator);
                WriteUnaryOperand(prefix.Operand);
                break;
            case IncrementExpressionSyntax postfix:
                WriteOperand(postfix.Operand, SyntaxFacts.PrimaryPrecedence);
                _text.Append(postfix.Operator);
                break;
            case BinaryExpressionSyntax binary:
                var precedence = SyntaxFacts.GetBinaryPrecedence(binary.Operator);
                WriteOperand(binary.Left, precedence);
                _text.Append(' ').Append(binary.Operator).Append(' ');
                WriteOperand(binary.Right, precedence + 1);
                break;
            case InExpressionSyntax inExpression:
                WriteIn(inExpression);
                break;
            case TernaryExpressionSyntax ternary:
                WriteOperand(ternary.Condition, SyntaxFacts.TernaryPrecedence + 1);
                _text.Append(" ? ");
                WriteOperand(ternary.WhenTrue, SyntaxFacts.TernaryPrecedence + 1);
                _text.Append(" : ");
                WriteOperand(ternary.WhenFalse, SyntaxFacts.TernaryPrecedence);
                break;
            case AssignmentExpressionSyntax assignment:
                WriteOperand(assignment.Target, SyntaxFacts.AssignmentPrecedence + 1);
                _text.Append(' ').Append(assignment.Operator).Append(' ');
                WriteOperand(assignment.Value, SyntaxFacts.AssignmentPrecedence);
                break;
            default:
                WriteAtOperator(expression);
                break;
        }
    }

    private void WriteAtOperator(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case AggregateExpressionSyntax aggregate:
                _text.Append(aggregate.Operator).Append('(');
                WriteExpression(aggregate.Statistic);
                _text.Append(')');
                break;
            case HistogramExpressionSyntax histogram:
                _text.Append(histogram.Operator);
                WriteArguments([histogram.Statistic, .. histogram.Parameters]);
                break;
            case EntryExpressionSyntax entry:
                _text.Append("@entry(");
                WriteExpression(entry.Operand);
                _text.Append(')');
                break;
            case DefinedExpressionSyntax defined:
                _text.Append("@defined(");
                WriteExpression(defined.Operand);
                _text.Append(')');
                break;
            case CastExpressionSyntax cast:
                _text.Append("@cast(");
                WriteExpression(cast.Operand);
                _text.Append(", ").Append(StringLiteral.Quote(cast.TypeName));
                if (cast.Module is not null)
                    _text.Append(", ").Append(StringLiteral.Quote(cast.Module));
                _text.Append(')');
                WriteMembers(cast.Members);
                break;
            case VarExpressionSyntax variable:
                _text.Append("@var(").Append(StringLiteral.Quote(variable.Name));
                if (variable.Module is not null)
                    _text.Append(", ").Append(StringLiteral.Quote(variable.Module));
                _text.Append(')');
                WriteMembers(variable.Members);
                break;
            case AutocastExpressionSyntax autocast:
                WriteAutocastOperand(autocast.Operand, autocast.Members[0]);
                WriteMembers(autocast.Members);
                break;
            case MachineOperatorExpressionSyntax machine:
                _text.Append(machine.Operator);
                WriteArguments(machine.Arguments);
                break;
            case EmbeddedExpressionSyntax embedded:
                WriteEmbedded(embedded.Code);
                break;
            default:
                throw new InvalidOperationException($"unexpected expression {expression.GetType().Name}");
        }
    }

    /// <summary>
    /// An autocast's operand, in parentheses where members written after it would join it
    /// instead (`($p)->x` is not `$p->x`; `(&amp;x)->y` is not `&amp;x->y`; `(x)[1]` is not the array element `x[1]`).
    /// </summary>
    private void WriteAutocastOperand(ExpressionSyntax operand, MemberAccessSyntax first)
    {
        var joins = operand is TargetExpressionSyntax or CastExpressionSyntax or VarExpressionSyntax or AutocastExpressionSyntax
            || (operand is NameExpressionSyntax && first is ElementAccessSyntax);
        if (!joins)
        {
            WriteOperand(operand, SyntaxFacts.PrimaryPrecedence);
            return;
        }
        _text.Append('(');
        WriteExpression(operand);
        _text.Append(')');
    }

    private void WriteIn(InExpressionSyntax inExpression)
    {
        if (inExpression.Bracketed)
            WriteIndexList(inExpression.Keys);
        else
            WriteOperand(inExpression.Keys[0], SyntaxFacts.InPrecedence);
        _text.Append(" in ").Append(inExpression.Array);
    }

    /// <summary>Writes an operand, in parentheses when it binds looser than <paramref name="minimumPrecedence"/>.</summary>
    private void WriteOperand(ExpressionSyntax operand, int minimumPrecedence)
    {
        var needsParentheses = SyntaxFacts.GetPrecedence(operand) < minimumPrecedence
            || (operand is InExpressionSyntax { Bracketed: true } && minimumPrecedence > SyntaxFacts.InPrecedence);
        if (needsParentheses)
            _text.Append('(');
        WriteExpression(operand);
        if (needsParentheses)
            _text.Append(')');
    }

    /// <summary>
    /// The operand of a prefix operator. A nested prefix operator is parenthesized so that
    /// `-(-x)` and `!(~x)` never print as the tokens `--x` or `!~x`.
    /// </summary>
    private void WriteUnaryOperand(ExpressionSyntax operand)
    {
        var nestedPrefix = operand is UnaryExpressionSyntax or IncrementExpressionSyntax { IsPrefix: true };
        WriteOperand(operand, nestedPrefix ? SyntaxFacts.PostfixPrecedence : SyntaxFacts.UnaryPrecedence);
    }

    private void WriteIndexList(IReadOnlyList<ExpressionSyntax> indexes)
    {
        _text.Append('[');
        WriteList(indexes);
        _text.Append(']');
    }

    private void WriteArguments(IReadOnlyList<ExpressionSyntax> arguments)
    {
        _text.Append('(');
        WriteList(arguments);
        _text.Append(')');
    }

    private void WriteList(IReadOnlyList<ExpressionSyntax> expressions)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            if (i > 0)
                _text.Append(", ");
            WriteExpression(expressions[i]);
        }
    }

    private void WriteMembers(IEnumerable<MemberAccessSyntax> members)
    {
        foreach (var member in members)
        {
            if (member is FieldAccessSyntax field)
                _text.Append("->").Append(field.Field);
            else if (member is PrettyPrintSuffixSyntax suffix)
                _text.Append(suffix.Dollars);
            else
            {
                _text.Append('[');
                WriteExpression(((ElementAccessSyntax)member).Index);
                _text.Append(']');
            }
        }
    }
}
