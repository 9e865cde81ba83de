using System.Collections.Immutable;

namespace Tapline.Passes.Binding;

/// <summary>
/// Rebuilds a bound tree bottom-up: each node kind has a method that rewrites its children and
/// returns the node itself when none changed (so `ReferenceEquals` tells a rewrite that did
/// nothing). Override a kind's method to change that kind. Every kind is listed: a new one
/// without a case is an error here, never a node passed on unrewritten. Statements are in this
/// file, expressions in BoundTreeRewriter.Expressions.cs.
/// </summary>
public abstract partial class BoundTreeRewriter
{
    public virtual BoundStatement RewriteStatement(BoundStatement statement) => statement switch
    {
        BoundBlock block => RewriteBlock(block),
        BoundExpressionStatement expression => RewriteExpressionStatement(expression),
        BoundIf ifStatement => RewriteIf(ifStatement),
        BoundWhile loop => RewriteWhile(loop),
        BoundFor loop => RewriteFor(loop),
        BoundForeach loop => RewriteForeach(loop),
        BoundTry tryStatement => RewriteTry(tryStatement),
        BoundReturn returnStatement => RewriteReturn(returnStatement),
        BoundDelete delete => RewriteDelete(delete),
        BoundBreak or BoundContinue or BoundNext or BoundEmbedded => statement,
        _ => throw new InvalidOperationException($"the bound-tree rewriter has no case for {statement.GetType().Name}"),
    };

    protected virtual BoundStatement RewriteBlock(BoundBlock block) =>
        RewriteAll(block.Statements, RewriteStatement) is { } statements ? block with { Statements = statements } : block;

    protected virtual BoundStatement RewriteExpressionStatement(BoundExpressionStatement statement) =>
        RewriteExpression(statement.Expression) is var expression && ReferenceEquals(expression, statement.Expression)
            ? statement
            : statement with { Expression = expression };

    protected virtual BoundStatement RewriteIf(BoundIf statement)
    {
        var condition = RewriteExpression(statement.Condition);
        var then = RewriteStatement(statement.Then);
        var otherwise = statement.Else is null ? null : RewriteStatement(statement.Else);
        return Same(condition, statement.Condition) && Same(then, statement.Then) && Same(otherwise, statement.Else)
            ? statement
            : statement with { Condition = condition, Then = then, Else = otherwise };
    }

    protected virtual BoundStatement RewriteWhile(BoundWhile loop)
    {
        var condition = RewriteExpression(loop.Condition);
        var body = RewriteStatement(loop.Body);
        return Same(condition, loop.Condition) && Same(body, loop.Body) ? loop : loop with { Condition = condition, Body = body };
    }

    protected virtual BoundStatement RewriteFor(BoundFor loop)
    {
        var initializer = RewriteOptional(loop.Initializer);
        var condition = RewriteOptional(loop.Condition);
        var step = RewriteOptional(loop.Step);
        var body = RewriteStatement(loop.Body);
        return Same(initializer, loop.Initializer) && Same(condition, loop.Condition) && Same(step, loop.Step) && Same(body, loop.Body)
            ? loop
            : loop with { Initializer = initializer, Condition = condition, Step = step, Body = body };
    }

    protected virtual BoundStatement RewriteForeach(BoundForeach loop)
    {
        var slice = loop.Slice is { } keys ? RewriteKeys(keys) ?? keys : (ImmutableArray<BoundExpression?>?)null;
        var limit = RewriteOptional(loop.Limit);
        var body = RewriteStatement(loop.Body);
        var sliceSame = loop.Slice is not { } original || slice!.Value == original;
        return sliceSame && Same(limit, loop.Limit) && Same(body, loop.Body) ? loop : loop with { Slice = slice, Limit = limit, Body = body };
    }

    protected virtual BoundStatement RewriteTry(BoundTry statement)
    {
        var body = RewriteStatement(statement.Body);
        var handler = RewriteStatement(statement.Handler);
        if (Same(body, statement.Body) && Same(handler, statement.Handler))
            return statement;
        return statement with { Body = AsBlock(body), Handler = AsBlock(handler) };
    }

    protected virtual BoundStatement RewriteReturn(BoundReturn statement) =>
        RewriteOptional(statement.Value) is var value && Same(value, statement.Value) ? statement : statement with { Value = value };

    protected virtual BoundStatement RewriteDelete(BoundDelete statement) =>
        RewriteExpression(statement.Target) is var target && Same(target, statement.Target) ? statement : statement with { Target = target };

    /// <summary>The rewritten items, or null when every one came back the same.</summary>
    protected static ImmutableArray<T>? RewriteAll<T>(ImmutableArray<T> items, Func<T, T> rewrite) where T : class?
    {
        ImmutableArray<T>.Builder? changed = null;
        for (var i = 0; i < items.Length; i++)
        {
            var rewritten = rewrite(items[i]);
            if (changed is null && !ReferenceEquals(rewritten, items[i]))
            {
                changed = ImmutableArray.CreateBuilder<T>(items.Length);
                changed.AddRange(items.Take(i));
            }
            changed?.Add(rewritten);
        }
        return changed?.MoveToImmutable();
    }

    protected static bool Same(object? rewritten, object? original) => ReferenceEquals(rewritten, original);

    /// <summary>A try's parts stay blocks: a rewrite into another statement is wrapped in one.</summary>
    private static BoundBlock AsBlock(BoundStatement statement) =>
        statement as BoundBlock ?? new BoundBlock(statement.Syntax, [statement]);
}
