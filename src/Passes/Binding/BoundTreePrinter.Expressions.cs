using System.Collections.Immutable;

namespace Tapline.Passes.Binding;

public sealed partial class BoundTreePrinter
{
    /// <summary>The expression alone, as one line of script text.</summary>
    public static string Print(BoundExpression expression)
    {
        var printer = new BoundTreePrinter();
        printer.Write(expression);
        return printer._text.ToString();
    }

    private void Write(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteral { Value: long number }:
                _text.Append(Number(number));
                break;
            case BoundLiteral literal:
                _text.Append(Quote((string)literal.Value));
                break;
            case BoundVariable variable:
                _text.Append(variable.Symbol.Name);
                break;
            case BoundArrayElement element:
                _text.Append(element.Array.Name);
                WriteKeys(element.Keys);
                break;
            case BoundIn membership:
                WriteKeys(membership.Keys);
                _text.Append(" in ").Append(membership.Array.Name);
                break;
            case BoundContextVariable context:
                _text.Append('$').Append(context.Variable.Name);
                foreach (var index in context.Indexes)
                {
                    _text.Append('[');
                    Write(index);
                    _text.Append(']');
                }
                break;
            case BoundCall call:
                _text.Append(call.Function.Name);
                WriteArguments(call.Arguments);
                break;
            case BoundBuiltinCall builtin:
                _text.Append(builtin.Function.Name);
                WriteArguments(builtin.Arguments);
                break;
            case BoundUnary unary:
                _text.Append('(').Append(unary.Operator);
                Write(unary.Operand);
                _text.Append(')');
                break;
            case BoundIncrement increment:
                WriteIncrement(increment);
                break;
            case BoundBinary binary:
                _text.Append('(');
                Write(binary.Left);
                _text.Append(' ').Append(binary.Operator).Append(' ');
                Write(binary.Right);
                _text.Append(')');
                break;
            case BoundAssignment assignment:
                Write(assignment.Target);
                _text.Append(' ').Append(assignment.Operator).Append(' ');
                Write(assignment.Value);
                break;
            case BoundTernary ternary:
                _text.Append('(');
                Write(ternary.Condition);
                _text.Append(" ? ");
                Write(ternary.WhenTrue);
                _text.Append(" : ");
                Write(ternary.WhenFalse);
                _text.Append(')');
                break;
            case BoundAggregate aggregate:
                _text.Append(aggregate.Operator).Append('(');
                Write(aggregate.Statistic);
                _text.Append(')');
                break;
            case BoundHistogram histogram:
                _text.Append(histogram.Operator);
                WriteArguments([histogram.Statistic, .. histogram.Parameters]);
                break;
            case BoundEntry entry:
                _text.Append("@entry(");
                Write(entry.Operand);
                _text.Append(')');
                break;
            case BoundEmbeddedExpression embedded:
                _text.Append("%{").Append(embedded.Code).Append("%}");
                break;
            case BoundErrorExpression:
                _text.Append("<error>");
                break;
            default:
                throw new InvalidOperationException($"the bound-tree printer has no case for {expression.GetType().Name}");
        }
    }

    private void WriteIncrement(BoundIncrement increment)
    {
        if (increment.IsPrefix)
            _text.Append(increment.Operator);
        Write(increment.Target);
        if (!increment.IsPrefix)
            _text.Append(increment.Operator);
    }

    private void WriteOptional(BoundExpression? expression)
    {
        if (expression is not null)
            Write(expression);
    }

    private void WriteArguments(ImmutableArray<BoundExpression> arguments)
    {
        _text.Append('(');
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
                _text.Append(", ");
            Write(arguments[i]);
        }
        _text.Append(')');
    }

    /// <summary>`[k1, k2]`, with `*` for a slice's open key.</summary>
    private void WriteKeys(ImmutableArray<BoundExpression?> keys)
    {
        _text.Append('[');
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0)
                _text.Append(", ");
            if (keys[i] is { } key)
                Write(key);
            else
                _text.Append('*');
        }
        _text.Append(']');
    }
}
