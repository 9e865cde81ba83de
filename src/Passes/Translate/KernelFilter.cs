using System.Globalization;
using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Tracing.Catalog;

namespace Tapline.Passes.Translate;

/// <summary>
/// The condition, in ftrace's filter syntax (`ret < 0`), under which a tracepoint handler can
/// do anything at all, when that is provable: the handler is a run of local assignments from
/// literals, fields and locals (nothing that can fail or be seen), then either `if (C) S` as
/// its last statement or `if (C) next` anywhere in that run, where C compares the tracepoint's
/// own numeric fields with constants. The run pass may then let the kernel drop the other events.
/// A call is such a value only when its embedded body is marked `/* pure */ /* total */`.
/// </summary>
internal static class KernelFilter
{
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", "<=", ">", ">="];

    public static string? Of(BoundProbe probe, TracepointFormat? format)
    {
        if (format is null || probe.Condition is not null || probe.Point.Attachment is not TracepointAttachment)
            return null;
        var statements = Flatten(probe.Body).ToList();
        var values = new Dictionary<LocalSymbol, BoundExpression?>();
        for (var i = 0; i < statements.Count; i++)
        {
            switch (statements[i])
            {
                case BoundIf { Then: BoundNext, Else: null } skip:
                    return Translate(skip.Condition, values, format) is { } skipWhen ? $"!({skipWhen})" : null;
                case BoundIf { Else: null } last when i == statements.Count - 1:
                    return Translate(last.Condition, values, format);
                case BoundExpressionStatement { Expression: BoundAssignment { Target: BoundVariable { Symbol: LocalSymbol local }, Operator: "=" } assignment }
                    when CannotFail(assignment.Value):
                    values[local] = Substitute(assignment.Value, values);
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    private static IEnumerable<BoundStatement> Flatten(BoundStatement statement) =>
        statement is BoundBlock block ? block.Statements.SelectMany(Flatten) : [statement];

    /// <summary>
    /// Values whose evaluation can neither fail nor be seen: literals, fields, locals, + - * of
    /// them, and calls of embedded functions marked `/* pure */ /* total */` (`syscall_name`).
    /// </summary>
    private static bool CannotFail(BoundExpression value) => value switch
    {
        BoundLiteral or BoundVariable { Symbol: LocalSymbol } => true,
        BoundCall { Function.IsMarkedTotal: true } call => call.Arguments.All(CannotFail),
        BoundContextVariable { Indexes.Length: 0 } => true,
        BoundUnary { Operator: "-" or "!" or "~" } unary => CannotFail(unary.Operand),
        BoundBinary { Operator: "+" or "-" or "*" or "&" or "|" or "^" or "&&" or "||" or "<" or "<=" or ">" or ">=" or "==" or "!=" } binary =>
            CannotFail(binary.Left) && CannotFail(binary.Right),
        _ => false,
    };

    /// <summary>A local's value as the statements before assigned it (itself already substituted, so never a local), or the expression itself.</summary>
    private static BoundExpression? Substitute(BoundExpression value, Dictionary<LocalSymbol, BoundExpression?> values) =>
        value is BoundVariable { Symbol: LocalSymbol local } ? values.GetValueOrDefault(local) : value;

    private static string? Translate(BoundExpression condition, Dictionary<LocalSymbol, BoundExpression?> values, TracepointFormat format)
    {
        switch (condition)
        {
            case BoundVariable { Symbol: LocalSymbol local }:
                return values.GetValueOrDefault(local) is { } value ? Translate(value, values, format) : null;
            case BoundUnary { Operator: "!" } not:
                return Translate(not.Operand, values, format) is { } operand ? $"!({operand})" : null;
            case BoundBinary { Operator: "&&" or "||" } logical:
                return Translate(logical.Left, values, format) is { } left && Translate(logical.Right, values, format) is { } right
                    ? $"({left}) {logical.Operator} ({right})"
                    : null;
            case BoundBinary binary when Comparisons.Contains(binary.Operator):
                return Comparison(Substitute(binary.Left, values), binary.Operator, Substitute(binary.Right, values), format);
            default:
                return null;
        }
    }

    /// <summary>`FIELD op N` (or `N op FIELD`, turned round) on a numeric field that reads as the script reads it.</summary>
    private static string? Comparison(BoundExpression? left, string op, BoundExpression? right, TracepointFormat format)
    {
        if (left is BoundLiteral or BoundUnary { Operator: "-", Operand: BoundLiteral } && right is BoundContextVariable)
            return Comparison(right, Mirror(op), left, format);
        if (left is not BoundContextVariable { Indexes.Length: 0, Variable.Element: null } field || Constant(right) is not { } number)
            return null;
        var declared = format.FindField(field.Variable.FieldName);
        if (declared is null || declared.IsString || declared.ArrayLength is not null || !(declared.IsSigned || declared.Size < 8))
            return null; // an unsigned 64-bit field compares differently in the kernel than as the script's signed long
        return string.Create(CultureInfo.InvariantCulture, $"{declared.Name} {op} {number}");
    }

    private static long? Constant(BoundExpression? expression) => expression switch
    {
        BoundLiteral { Value: long number } => number,
        BoundUnary { Operator: "-", Operand: BoundLiteral { Value: long number } } when number != long.MinValue => -number,
        _ => null,
    };

    private static string Mirror(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };
}
