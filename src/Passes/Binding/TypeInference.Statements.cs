namespace Tapline.Passes.Binding;

internal sealed partial class TypeInference
{
    private void Statement(BoundStatement? statement)
    {
        switch (statement)
        {
            case null or BoundBreak or BoundContinue or BoundNext or BoundEmbedded:
                return;
            case BoundBlock block:
                foreach (var inner in block.Statements)
                    Statement(inner);
                return;
            case BoundExpressionStatement expression:
                Expression(expression.Expression);
                return;
            case BoundIf ifStatement:
                Expect(ifStatement.Condition, ScriptType.Long);
                Statement(ifStatement.Then);
                Statement(ifStatement.Else);
                return;
            case BoundWhile loop:
                Expect(loop.Condition, ScriptType.Long);
                Statement(loop.Body);
                return;
            case BoundFor loop:
                if (loop.Initializer is not null)
                    Expression(loop.Initializer);
                if (loop.Condition is not null)
                    Expect(loop.Condition, ScriptType.Long);
                if (loop.Step is not null)
                    Expression(loop.Step);
                Statement(loop.Body);
                return;
            case BoundForeach loop:
                Foreach(loop);
                return;
            case BoundTry tryStatement:
                Statement(tryStatement.Body);
                if (tryStatement.CatchVariable is { } message)
                    ConstrainVariable(message, ScriptType.String, tryStatement.Syntax.Span);
                Statement(tryStatement.Handler);
                return;
            case BoundReturn { Value: { } value } when _function is not null:
                var type = Expression(value);
                if (type is not (ScriptType.Unknown or ScriptType.Void))
                    ConstrainReturn(_function, type, value.Syntax.Span);
                else if (_function.ReturnType is not (ScriptType.Unknown or ScriptType.Void))
                    Constrain(value, _function.ReturnType, type);
                return;
            case BoundReturn:
                return;
            case BoundDelete delete:
                Expression(delete.Target);
                return;
            default:
                throw new InvalidOperationException($"unexpected statement {statement.GetType().Name}");
        }
    }

    private void Foreach(BoundForeach loop)
    {
        var array = loop.Array;
        for (var i = 0; i < loop.Keys.Length && array.KeyTypes is { } keys && i < keys.Length; i++)
        {
            var key = loop.Keys[i];
            if (key.Type != ScriptType.Unknown)
                ConstrainKey(array, i, key.Type, loop.Syntax.Span);
            ConstrainVariable(key, keys[i], key.Declared);
        }
        if (loop.Value is { } value)
        {
            if (value.Type != ScriptType.Unknown)
                ConstrainVariable(array, value.Type, loop.Syntax.Span);
            ConstrainVariable(value, array.Type, value.Declared);
        }
        if (loop.Slice is { } slice)
            Keys(array, slice);
        if (loop.Limit is not null)
            Expect(loop.Limit, ScriptType.Long);
        Statement(loop.Body);
    }
}
