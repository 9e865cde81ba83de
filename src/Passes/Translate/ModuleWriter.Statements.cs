using Tapline.Passes.Binding;

namespace Tapline.Passes.Translate;

internal sealed partial class ModuleWriter
{
    private void WriteStatement(BoundStatement statement)
    {
        if (statement is not BoundBlock)
            MapLine(statement);
        switch (statement)
        {
            case BoundBlock block:
                WriteBlock(block, extraActions: 0);
                break;
            case BoundExpressionStatement expression:
                _code.Line(StatementExpression(expression.Expression) + ";");
                break;
            case BoundIf ifStatement:
                _code.Line($"if ({Condition(ifStatement.Condition)})");
                WriteBody(ifStatement.Then);
                if (ifStatement.Else is not null)
                {
                    _code.Line("else");
                    WriteBody(ifStatement.Else);
                }
                break;
            case BoundWhile loop:
                _code.Line($"while ({Condition(loop.Condition)})");
                WriteLoopBody(loop.Body);
                break;
            case BoundFor loop:
                var initializer = loop.Initializer is null ? "" : StatementExpression(loop.Initializer);
                var condition = loop.Condition is null ? "" : Condition(loop.Condition);
                var step = loop.Step is null ? "" : StatementExpression(loop.Step);
                _code.Line($"for ({initializer}; {condition}; {step})");
                WriteLoopBody(loop.Body);
                break;
            case BoundForeach loop:
                WriteForeach(loop);
                break;
            case BoundTry tryStatement:
                WriteTry(tryStatement);
                break;
            case BoundReturn { Value: null }:
                // A bare `return` in a function with a value returns the default, as falling off the end does.
                _code.Line(_function is { ReturnType: not ScriptType.Void } function ? $"return {CSharpText.DefaultValue(function.ReturnType)};" : "return;");
                break;
            case BoundReturn returnStatement:
                _code.Line($"return {Expression(returnStatement.Value!)};");
                break;
            case BoundBreak:
                _code.Line("break;");
                break;
            case BoundContinue:
                _code.Line("continue;");
                break;
            case BoundNext:
                _code.Line(_function is null ? "return;" : "throw new NextProbeException();");
                break;
            case BoundDelete delete:
                _code.Line(Delete(delete.Target) + ";");
                break;
            case BoundEmbedded embedded:
                _code.Line(embedded.Code.Trim());
                break;
            default:
                throw new InvalidOperationException($"unexpected statement {statement.GetType().Name}");
        }
    }

    /// <summary>
    /// A block charges MAXACTION for the statements directly in it (inner blocks charge their
    /// own), once, as it is entered; a loop's body charges one more for the iteration itself.
    /// </summary>
    private void WriteBlock(BoundBlock block, int extraActions)
    {
        _code.Begin();
        var count = block.Statements.Count(s => s is not BoundBlock) + extraActions;
        if (count > 0)
        {
            MapLine(block);
            ChargeActions(count);
        }
        foreach (var inner in block.Statements)
            WriteStatement(inner);
        _code.Close();
    }

    private void ChargeActions(int count)
    {
        if (count > 0)
            _code.Line($"context.Actions({count.ToString(System.Globalization.CultureInfo.InvariantCulture)});");
    }

    /// <summary>A loop's body in braces of its own, charged for each iteration (see <see cref="WriteIteration"/>).</summary>
    private void WriteLoopBody(BoundStatement body)
    {
        if (body is BoundBlock)
        {
            WriteIteration(body);
            return;
        }
        _code.Begin();
        WriteIteration(body);
        _code.Close();
    }

    /// <summary>One iteration's body, charged for itself and the iteration, so that no loop runs past MAXACTION.</summary>
    private void WriteIteration(BoundStatement body)
    {
        if (body is BoundBlock block)
        {
            WriteBlock(block, extraActions: 1);
            return;
        }
        MapLine(body);
        ChargeActions(2);
        WriteStatement(body);
    }

    private void WriteBody(BoundStatement body)
    {
        if (body is BoundBlock)
        {
            WriteStatement(body);
            return;
        }
        _code.Begin();
        WriteStatement(body);
        _code.Close();
    }

    /// <summary>
    /// Maps the C# that follows to the statement's script position, for compiler errors, and
    /// records that position as the hit's current statement (`context.Statement = K;` on the
    /// same line), which is where a run-time error is reported: stack traces of optimized code
    /// are too coarse for that.
    /// </summary>
    private void MapLine(BoundStatement statement)
    {
        var span = statement.Syntax.Span;
        _code.Directive($"#line {span.Line} \"{CSharpText.LineFile(span.Source.FileName)}\"");
        _code.PrefixNextLine($"context.Statement = {StatementIndex(span).ToString(System.Globalization.CultureInfo.InvariantCulture)}; ");
    }

    private int StatementIndex(Text.SourceSpan span)
    {
        var location = Location(span);
        if (!_statementIndexes.TryGetValue(location, out var index))
        {
            index = _statementLocations.Count;
            _statementLocations.Add(location);
            _statementIndexes[location] = index;
        }
        return index;
    }

    private void WriteForeach(BoundForeach loop)
    {
        var array = loop.Array;
        var entry = Temporary("entry");
        var slice = loop.Slice is { } keys ? ", " + SlicePredicate(array, keys) : "";
        if (loop.SortAggregate is { } aggregate)
            slice += $", aggregate: {CSharpText.String(aggregate)}";
        var limit = loop.Limit is null ? "null" : $"(long?){Expression(loop.Limit)}";
        var column = loop.SortColumn is { } sort ? sort.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
        _code.Line($"foreach (var {entry} in {CSharpText.Global(array.Name)}.InOrder({column}, {(loop.Descending ? "true" : "false")}, {limit}{slice}))");
        _code.Begin();
        for (var i = 0; i < loop.Keys.Length; i++)
        {
            var part = loop.Keys.Length == 1 ? $"{entry}.Key" : $"{entry}.Key.Item{i + 1}";
            _code.Line($"{CSharpText.Variable(loop.Keys[i])} = {part};");
        }
        if (loop.Value is { } value)
            _code.Line($"{CSharpText.Variable(value)} = {entry}.Value;");
        WriteIteration(loop.Body);
        _code.Close();
    }

    private void WriteTry(BoundTry tryStatement)
    {
        var error = Temporary("error");
        _code.Line("try");
        WriteStatement(tryStatement.Body);
        _code.Line($"catch (ScriptRuntimeException {error})");
        _code.Begin();
        if (tryStatement.CatchVariable is { } message)
            _code.Line($"{CSharpText.Variable(message)} = {error}.Message;");
        WriteStatement(tryStatement.Handler);
        _code.Close();
    }

    private string Delete(BoundExpression target) => target switch
    {
        BoundVariable { Symbol: GlobalSymbol { IsArray: true } array } => $"{CSharpText.Global(array.Name)}.Clear()",
        BoundVariable { Symbol.Type: ScriptType.Stats } statistic => $"{CSharpText.Variable(statistic.Symbol)}.Clear()",
        BoundVariable variable => $"{CSharpText.Variable(variable.Symbol)} = {CSharpText.DefaultValue(variable.Symbol.Type)}",
        BoundArrayElement element when element.Keys.Any(k => k is null) =>
            $"{CSharpText.Global(element.Array.Name)}.DeleteWhere({SlicePredicate(element.Array, element.Keys)})",
        BoundArrayElement element => $"{CSharpText.Global(element.Array.Name)}.Delete({Key(element.Keys)})",
        _ => throw new InvalidOperationException($"unexpected delete target {target.GetType().Name}"),
    };
}
