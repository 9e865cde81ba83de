using System.Collections.Immutable;
using Tapline.Passes.Binding;

namespace Tapline.Passes.Translate;

internal sealed partial class ModuleWriter
{
    private static readonly HashSet<string> Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    /// <summary>The C# of a value (long, string or Statistic).</summary>
    private string Expression(BoundExpression expression) => expression switch
    {
        BoundLiteral { Value: long number } => CSharpText.Long(number),
        BoundLiteral literal => CSharpText.String((string)literal.Value),
        BoundVariable variable => CSharpText.Variable(variable.Symbol),
        BoundArrayElement element => $"{CSharpText.Global(element.Array.Name)}.Get({Key(element.Keys)})",
        BoundContextVariable context => ContextVariable(context),
        BoundCall call => LimitText(call.Type, $"{CSharpText.Function(call.Function.Name)}({string.Join(", ", call.Arguments.Select(Expression).Prepend("context"))})"),
        BoundBuiltinCall builtin => Builtin(builtin),
        BoundUnary { Operator: "-" } unary => $"unchecked(-{Expression(unary.Operand)})",
        BoundUnary { Operator: "+" } unary => Expression(unary.Operand),
        BoundUnary { Operator: "~" } unary => $"(~{Expression(unary.Operand)})",
        BoundUnary { Operator: "!" } or BoundIn => $"Arithmetic.Truth({Condition(expression)})",
        BoundBinary binary when IsCondition(binary) => $"Arithmetic.Truth({Condition(expression)})",
        BoundBinary binary => Binary(binary.Operator, Expression(binary.Left), Expression(binary.Right)),
        BoundIncrement increment => "(" + Increment(increment, asStatement: false) + ")",
        BoundAssignment assignment => "(" + Assignment(assignment) + ")",
        BoundTernary ternary => $"({Condition(ternary.Condition)} ? {Expression(ternary.WhenTrue)} : {Expression(ternary.WhenFalse)})",
        BoundAggregate aggregate => Aggregate(aggregate),
        BoundHistogram histogram => $"HistogramPrinter.Print({Statistic(histogram.Statistic)}, context.Limits.HistogramElision)",
        BoundEmbeddedExpression embedded => $"(({CSharpText.Type(embedded.Type)})({embedded.Code}))",
        BoundEntry entry when _probe is not null && _entries.TryGetValue(_probe, out var entries) =>
            EntryValue(entry, entries.First(e => ReferenceEquals(e.Entry, entry)).Field),
        _ => NotTranslatable(expression),
    };

    /// <summary>The C# of a condition, as a bool: comparisons and logic directly, any other value against 0.</summary>
    private string Condition(BoundExpression expression) => expression switch
    {
        BoundBinary { Operator: "&&" } binary => $"({Condition(binary.Left)} && {Condition(binary.Right)})",
        BoundBinary { Operator: "||" } binary => $"({Condition(binary.Left)} || {Condition(binary.Right)})",
        BoundBinary { Operator: "=~" } binary => $"context.Matches({Expression(binary.Left)}, {Expression(binary.Right)})",
        BoundBinary { Operator: "!~" } binary => $"!context.Matches({Expression(binary.Left)}, {Expression(binary.Right)})",
        BoundBinary binary when Comparisons.Contains(binary.Operator) => Comparison(binary),
        BoundUnary { Operator: "!" } unary => $"!{Condition(unary.Operand)}",
        BoundIn inExpression => inExpression.Keys.Any(k => k is null)
            ? $"{CSharpText.Global(inExpression.Array.Name)}.ContainsWhere({SlicePredicate(inExpression.Array, inExpression.Keys)})"
            : $"{CSharpText.Global(inExpression.Array.Name)}.Contains({Key(inExpression.Keys)})",
        _ => $"({Expression(expression)} != 0)",
    };

    private static bool IsCondition(BoundBinary binary) =>
        binary.Operator is "&&" or "||" or "=~" or "!~" || Comparisons.Contains(binary.Operator);

    private string Comparison(BoundBinary binary)
    {
        var (left, right) = (Expression(binary.Left), Expression(binary.Right));
        if (binary.Left.Type != ScriptType.String)
            return $"({left} {binary.Operator} {right})";
        return binary.Operator switch
        {
            "==" => $"string.Equals({left}, {right})",
            "!=" => $"!string.Equals({left}, {right})",
            _ => $"(string.CompareOrdinal({left}, {right}) {binary.Operator} 0)",
        };
    }

    private static string Binary(string op, string left, string right) => op switch
    {
        "+" or "-" or "*" => $"unchecked({left} {op} {right})",
        "/" => $"Arithmetic.Divide({left}, {right})",
        "%" => $"Arithmetic.Remainder({left}, {right})",
        "<<" => $"Arithmetic.ShiftLeft({left}, {right})",
        ">>" => $"Arithmetic.ShiftRight({left}, {right})",
        ">>>" => $"Arithmetic.ShiftRightUnsigned({left}, {right})",
        "." => $"context.Limit(string.Concat({left}, {right}))",
        _ => $"({left} {op} {right})",
    };

    /// <summary>C# that is a valid statement: assignments and calls as they are, any other value discarded.</summary>
    private string StatementExpression(BoundExpression expression) => expression switch
    {
        BoundAssignment assignment => Assignment(assignment),
        BoundIncrement increment => Increment(increment, asStatement: true),
        BoundCall or BoundBuiltinCall => Expression(expression),
        _ => $"_ = {Expression(expression)}",
    };

    private string Assignment(BoundAssignment assignment)
    {
        var value = Expression(assignment.Value);
        var op = assignment.Operator;
        switch (assignment.Target)
        {
            case BoundVariable variable:
                var name = CSharpText.Variable(variable.Symbol);
                return op switch
                {
                    "=" => $"{name} = {value}",
                    "<<<" => $"{name}.Add({value})",
                    _ => $"{name} = {Binary(op[..^1], name, value)}",
                };
            case BoundArrayElement element:
                var array = CSharpText.Global(element.Array.Name);
                var key = Key(element.Keys);
                var old = Temporary("old");
                return op switch
                {
                    "=" => $"{array}.Set({key}, {value})",
                    "<<<" => $"{array}.GetOrAdd({key}).Add({value})",
                    _ => $"{array}.Update({key}, {old} => {Binary(op[..^1], old, value)})",
                };
            case BoundContextVariable context:
                var field = CSharpText.String(context.Variable.Name);
                // A writable context variable is no script string: `$value .= ...` builds a whole
                // scrape body, which the context bounds itself rather than MAXSTRINGLEN.
                var newValue = op switch
                {
                    "=" => value,
                    ".=" => $"string.Concat(context.TextField({field}), {value})",
                    _ => Binary(op[..^1], $"context.TextField({field})", value),
                };
                return $"context.SetTextField({field}, {newValue})";
            default:
                return NotTranslatable(assignment);
        }
    }

    /// <summary>`x++`, `--a[k]`; as a statement the value is unused, so an element is simply updated.</summary>
    private string Increment(BoundIncrement increment, bool asStatement)
    {
        var delta = increment.Operator == "++" ? "+ 1" : "- 1";
        switch (increment.Target)
        {
            case BoundVariable variable:
                var name = CSharpText.Variable(variable.Symbol);
                return increment.IsPrefix || asStatement ? increment.Operator + name : name + increment.Operator;
            case BoundArrayElement element:
                var old = Temporary("old");
                var update = $"{CSharpText.Global(element.Array.Name)}.Update({Key(element.Keys)}, {old} => unchecked({old} {delta}))";
                var undo = increment.Operator == "++" ? "- 1" : "+ 1";
                return increment.IsPrefix || asStatement ? update : $"unchecked({update} {undo})";
            default:
                return NotTranslatable(increment);
        }
    }

    private string ContextVariable(BoundContextVariable context)
    {
        var variable = context.Variable;
        var name = CSharpText.String(variable.FieldName.TrimEnd('$'));
        return variable.Name switch
        {
            "$name" => "context.TracepointName",
            "$vars" or "$parms" or "$vars$" or "$parms$" => "context.FieldsText()",
            _ when variable.Name.EndsWith('$') => IsTextField(variable)
                ? $"Strings.Quote(context.TextField({name}))"
                : $"Strings.FromLong(context.Field({name}))",
            _ when variable.Type == ScriptType.String => $"context.TextField({name})",
            _ when context.Indexes.Length > 0 => $"context.Field({name}, {Expression(context.Indexes[0])})",
            _ when variable.Element is { } element => $"context.Field({name}, {element})",
            _ => $"context.Field({name})",
        };
    }

    /// <summary>Whether a pretty-printed `$field$` is text (a char array) rather than a number.</summary>
    private static bool IsTextField(ContextVariableSymbol variable) => variable.Description.StartsWith("char", StringComparison.Ordinal);

    private string Builtin(BoundBuiltinCall call)
    {
        var arguments = call.Arguments;
        string Texts(IEnumerable<BoundExpression> values) => "new string[] { " + string.Join(", ", values.Select(Text)) + " }";
        return call.Function.Name switch
        {
            "printf" => $"context.Output.Write(Printf.Format({string.Join(", ", arguments.Select(Expression))}))",
            "sprintf" => $"context.Limit(Printf.Format({string.Join(", ", arguments.Select(Expression))}))",
            "print" => $"context.Output.Write(string.Concat({Texts(arguments)}))",
            "println" => $"context.Output.Write(string.Concat({Texts(arguments.Append(NewLine))}))",
            "sprint" => $"context.Limit(string.Concat({Texts(arguments)}))",
            "sprintln" => $"context.Limit(string.Concat({Texts(arguments.Append(NewLine))}))",
            "printd" => $"context.Output.Write(string.Join({Expression(arguments[0])}, {Texts(arguments.Skip(1))}))",
            "printdln" => $"context.Output.Write(string.Join({Expression(arguments[0])}, {Texts(arguments.Skip(1))}) + \"\\n\")",
            "sprintd" => $"context.Limit(string.Join({Expression(arguments[0])}, {Texts(arguments.Skip(1))}))",
            "sprintdln" => $"context.Limit(string.Join({Expression(arguments[0])}, {Texts(arguments.Skip(1))}) + \"\\n\")",
            "print_hist" => $"context.Output.Write({Expression(arguments[0])})",
            _ => NotTranslatable(call),
        };
    }

    /// <summary>A string a function returns is cut to MAXSTRINGLEN, as every string value is.</summary>
    private static string LimitText(ScriptType type, string code) => type == ScriptType.String ? $"context.Limit({code})" : code;

    private static readonly BoundExpression NewLine = new BoundLiteral(new Syntax.StringLiteralSyntax(default, "\n"), "\n");

    /// <summary>A value as print shows it: numbers in decimal, text as it is, histograms drawn.</summary>
    private string Text(BoundExpression value) => value.Type switch
    {
        ScriptType.String or ScriptType.Histogram => Expression(value),
        _ => $"Strings.FromLong({Expression(value)})",
    };

    private string Aggregate(BoundAggregate aggregate)
    {
        var property = aggregate.Operator switch
        {
            "@count" => "Count",
            "@sum" => "Sum",
            "@min" => "Min",
            "@max" => "Max",
            "@avg" => "Average",
            "@variance" => "Variance",
            _ => null,
        };
        return property is null ? NotTranslatable(aggregate) : $"{Statistic(aggregate.Statistic)}.{property}";
    }

    /// <summary>The Statistic a `@count`/`@hist_log` reads: a global, an element, or a slice merged into one.</summary>
    private string Statistic(BoundExpression statistic) => statistic switch
    {
        BoundArrayElement element when element.Keys.Any(k => k is null) =>
            $"Statistic.Merge({_histograms.GetValueOrDefault(element.Array, "null")}, " +
            $"{CSharpText.Global(element.Array.Name)}.Slice({SlicePredicate(element.Array, element.Keys)}))",
        _ => Expression(statistic),
    };

    private string Key(ImmutableArray<BoundExpression?> keys) =>
        keys.Length == 1 ? Expression(keys[0]!) : "(" + string.Join(", ", keys.Select(k => Expression(k!))) + ")";

    /// <summary>`key => key.Item2 == "read"` for `a[*, "read"]`: the positions given must match.</summary>
    private string SlicePredicate(GlobalSymbol array, ImmutableArray<BoundExpression?> keys)
    {
        var key = Temporary("key");
        var tests = keys
            .Select((value, i) => value is null ? null : $"{(keys.Length == 1 ? key : $"{key}.Item{i + 1}")} == {Expression(value)}")
            .OfType<string>()
            .ToList();
        return $"{key} => {(tests.Count == 0 ? "true" : string.Join(" && ", tests))}";
    }

    /// <summary>
    /// `@entry(e)` in the return handler: what the entry handler stored for this thread (taken
    /// out); with no entry stored (the call began before tracing) the handler is skipped.
    /// </summary>
    private string EntryValue(BoundEntry entry, string field)
    {
        var value = Temporary("entered");
        return $"({field}.Remove(context.Tid, out var {value}) ? {value} : throw new MissingEntryException())";
    }

    private string NotTranslatable(BoundExpression expression)
    {
        var what = expression switch
        {
            BoundEntry => "@entry",
            BoundAggregate aggregate => aggregate.Operator,
            _ => expression.GetType().Name,
        };
        diagnostics.ReportNotTranslatable(expression.Syntax.Span, what);
        return "default";
    }
}
