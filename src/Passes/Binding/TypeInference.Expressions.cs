using Tapline.Passes.Text;

namespace Tapline.Passes.Binding;

internal sealed partial class TypeInference
{
    private static readonly HashSet<string> Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    private static SourceSpan Site(BoundExpression expression) => expression.Syntax.Span;

    /// <summary>Constrains everything inside an expression, and returns its type as far as it is known.</summary>
    private ScriptType Expression(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundArrayElement element:
                Keys(element.Array, element.Keys);
                break;
            case BoundIn inExpression:
                Keys(inExpression.Array, inExpression.Keys);
                break;
            case BoundContextVariable context:
                foreach (var index in context.Indexes)
                    Expect(index, ScriptType.Long);
                break;
            case BoundCall call:
                for (var i = 0; i < call.Arguments.Length; i++)
                    Unify(call.Arguments[i], call.Function.Parameters[i]);
                break;
            case BoundBuiltinCall builtin:
                Builtin(builtin);
                break;
            case BoundUnary unary:
                Expect(unary.Operand, ScriptType.Long);
                break;
            case BoundIncrement increment:
                Expect(increment.Target, ScriptType.Long);
                break;
            case BoundBinary binary:
                Binary(binary);
                break;
            case BoundAssignment assignment:
                Assignment(assignment);
                break;
            case BoundTernary ternary:
                Expect(ternary.Condition, ScriptType.Long);
                Unify(ternary.WhenTrue, ternary.WhenFalse);
                break;
            case BoundAggregate aggregate:
                Expect(aggregate.Statistic, ScriptType.Stats);
                break;
            case BoundHistogram histogram:
                Expect(histogram.Statistic, ScriptType.Stats);
                foreach (var parameter in histogram.Parameters)
                    Expect(parameter, ScriptType.Long);
                break;
            case BoundEntry entry:
                Expression(entry.Operand);
                break;
        }
        return expression.Type;
    }

    private void Binary(BoundBinary binary)
    {
        if (binary.Operator is "." or "=~" or "!~")
        {
            Expect(binary.Left, ScriptType.String);
            Expect(binary.Right, ScriptType.String);
        }
        else if (Comparisons.Contains(binary.Operator))
            Unify(binary.Left, binary.Right);
        else
        {
            Expect(binary.Left, ScriptType.Long);
            Expect(binary.Right, ScriptType.Long);
        }
    }

    private void Assignment(BoundAssignment assignment)
    {
        switch (assignment.Operator)
        {
            case "=":
                Unify(assignment.Target, assignment.Value);
                break;
            case "<<<":
                Expect(assignment.Target, ScriptType.Stats);
                Expect(assignment.Value, ScriptType.Long);
                break;
            case ".=":
                Expect(assignment.Target, ScriptType.String);
                Expect(assignment.Value, ScriptType.String);
                break;
            default:
                Expect(assignment.Target, ScriptType.Long);
                Expect(assignment.Value, ScriptType.Long);
                break;
        }
    }

    private void Builtin(BoundBuiltinCall call)
    {
        var arguments = call.Arguments;
        if (call.Function.HasFormat && call.Syntax is Syntax.CallExpressionSyntax { Arguments: [Syntax.StringLiteralSyntax format, ..] }
            && PrintfFormat.ArgumentTypes(format.Value, out _) is { } types && types.Count == arguments.Length - 1)
        {
            for (var i = 1; i < arguments.Length; i++)
                Expect(arguments[i], types[i - 1]);
            return;
        }
        for (var i = 0; i < arguments.Length; i++)
        {
            var expected = call.Function.Name == "print_hist" ? ScriptType.Histogram
                : (call.Function.HasFormat || call.Function.HasDelimiter) && i == 0 ? ScriptType.String
                : ScriptType.Unknown;
            if (expected != ScriptType.Unknown)
                Expect(arguments[i], expected);
            else if (Expression(arguments[i]) == ScriptType.Void && _report)
                diagnostics.ReportVoidValue(Site(arguments[i]), Describe(arguments[i]));
        }
    }

    private void Keys(GlobalSymbol array, IReadOnlyList<BoundExpression?> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is not { } key)
                continue;
            var type = Expression(key);
            if (type != ScriptType.Unknown)
                ConstrainKey(array, i, type, Site(key));
            else if (array.KeyTypes is { } known && i < known.Length && known[i] != ScriptType.Unknown)
                Constrain(key, known[i], type);
        }
    }

    /// <summary>Makes two expressions (or an argument and its parameter) agree on one type.</summary>
    private void Unify(BoundExpression left, BoundExpression right)
    {
        if (left is BoundVariable { Symbol: var poisoned } && right is BoundErrorExpression)
            poisoned.IsPoisoned = true;
        var leftType = Expression(left);
        var rightType = Expression(right);
        if (rightType == ScriptType.Histogram || leftType == ScriptType.Histogram)
        {
            // A histogram is only ever printed: it cannot be stored or compared.
            if (left is BoundVariable { Symbol: var stored })
                stored.IsPoisoned = true;
            if (_report)
                diagnostics.ReportHistogramMisuse(Site(rightType == ScriptType.Histogram ? right : left));
            return;
        }
        if (leftType is not (ScriptType.Unknown or ScriptType.Void) && rightType is not (ScriptType.Unknown or ScriptType.Void)
            && leftType != rightType && Symbolic(left) is { } symbol)
        {
            // `x = "a"` where x is long: the variable, not the literal, is what conflicts.
            if (_report)
                diagnostics.ReportTypeConflict(Site(right), symbol.What, ScriptTypes.Name(rightType), ScriptTypes.Name(leftType), symbol.Origin);
            return;
        }
        if (leftType is not (ScriptType.Unknown or ScriptType.Void))
            Constrain(right, leftType, rightType);
        else if (rightType is not (ScriptType.Unknown or ScriptType.Void))
            Constrain(left, rightType, leftType);
        else if (rightType == ScriptType.Void)
        {
            // The target takes no type from a value that does not exist: that is the error, not the target.
            if (left is BoundVariable { Symbol: var target })
                target.IsPoisoned = true;
            if (_report)
                diagnostics.ReportVoidValue(Site(right), Describe(right));
        }
    }

    private void Unify(BoundExpression argument, ParameterSymbol parameter)
    {
        var type = Expression(argument);
        if (type is not (ScriptType.Unknown or ScriptType.Void))
            ConstrainVariable(parameter, type, Site(argument));
        else if (parameter.Type != ScriptType.Unknown)
            Constrain(argument, parameter.Type, type);
        else if (_report && type == ScriptType.Void)
            diagnostics.ReportVoidValue(Site(argument), Describe(argument));
    }

    /// <summary>Requires an expression to have a type: walks it, then constrains it.</summary>
    private void Expect(BoundExpression expression, ScriptType type) => Constrain(expression, type, Expression(expression));

    /// <summary>Constrains the symbol behind an already walked expression, or reports a mismatch.</summary>
    private void Constrain(BoundExpression expression, ScriptType type, ScriptType actual)
    {
        switch (expression)
        {
            case BoundVariable variable:
                ConstrainVariable(variable.Symbol, type, Site(expression));
                return;
            case BoundArrayElement element:
                ConstrainVariable(element.Array, type, Site(expression));
                return;
            case BoundCall call when call.Function.ReturnType != ScriptType.Void:
                ConstrainReturn(call.Function, type, Site(expression));
                return;
            case BoundTernary ternary:
                Constrain(ternary.WhenTrue, type, ternary.WhenTrue.Type);
                Constrain(ternary.WhenFalse, type, ternary.WhenFalse.Type);
                return;
            case BoundAssignment assignment:
                Constrain(assignment.Target, type, assignment.Target.Type);
                return;
            case BoundEntry entry:
                Constrain(entry.Operand, type, entry.Operand.Type);
                return;
            case BoundErrorExpression:
                return;
        }
        if (!_report || actual == ScriptType.Unknown || actual == type)
            return;
        if (actual == ScriptType.Void)
            diagnostics.ReportVoidValue(Site(expression), Describe(expression));
        else if (actual == ScriptType.Histogram)
            diagnostics.ReportHistogramMisuse(Site(expression));
        else
            diagnostics.ReportTypeConflict(Site(expression), "this expression", ScriptTypes.Name(type), ScriptTypes.Name(actual), null);
    }

    /// <summary>The symbol whose type an expression stands for, named as messages name it, with where its type came from.</summary>
    private static (string What, SourceSpan? Origin)? Symbolic(BoundExpression expression) => expression switch
    {
        BoundVariable variable => ($"'{variable.Symbol.Name}'", variable.Symbol.TypeOrigin),
        BoundArrayElement element => ($"'{element.Array.Name}'", element.Array.TypeOrigin),
        BoundCall call => ($"the result of '{call.Function.Name}'", call.Function.ReturnTypeOrigin),
        _ => null,
    };

    private static string Describe(BoundExpression expression) => expression switch
    {
        BoundCall call => call.Function.Name,
        BoundBuiltinCall builtin => builtin.Function.Name,
        _ => "this expression",
    };
}
