using System.Collections.Immutable;
using Tapline.Passes.Binding;

namespace Tapline.Passes.Optimize;

/// <summary>
/// Drops what a handler computes but never uses, as SystemTap's optimizer does: an
/// assignment to a local that is never read, when its value has no side effects; expression
/// statements without side effects; the branch an `if` on a constant does not take, and an
/// `if` left empty. It repeats until nothing more goes (dropping `argstr = sprintf(...,
/// filename)` leaves `filename` unread in turn). Each dropped expression is handed to
/// <paramref name="elided"/>, for stap's warnings.
/// </summary>
internal sealed class DeadCodeRemover(Purity purity, Action<BoundExpression>? elided = null)
{
    public BoundBlock Optimize(BoundBlock body)
    {
        while (true)
        {
            var reads = LocalReads.Of(body);
            var rewritten = (BoundBlock?)Rewrite(body, reads) ?? body with { Statements = [] };
            if (ReferenceEquals(rewritten, body))
                return body;
            body = rewritten;
        }
    }

    /// <summary>The statement without its dead parts (the same object when nothing changed), or null when all of it is dead.</summary>
    private BoundStatement? Rewrite(BoundStatement statement, IReadOnlySet<VariableSymbol> reads)
    {
        switch (statement)
        {
            case BoundExpressionStatement expression:
                if (!IsDead(expression.Expression, reads))
                    return statement;
                elided?.Invoke(expression.Expression);
                return null;
            case BoundBlock block:
                var kept = ImmutableArray.CreateBuilder<BoundStatement>();
                var changed = false;
                foreach (var inner in block.Statements)
                {
                    var rewritten = Rewrite(inner, reads);
                    changed |= !ReferenceEquals(rewritten, inner);
                    if (rewritten is not null)
                        kept.Add(rewritten);
                }
                return changed ? block with { Statements = kept.ToImmutable() } : block;
            // A constant condition keeps only the branch it takes, as stap's first elision does.
            case BoundIf { Condition: BoundLiteral { Value: long constant } } constantIf:
                return constant != 0 ? Rewrite(constantIf.Then, reads) : constantIf.Else is null ? null : Rewrite(constantIf.Else, reads);
            case BoundWhile { Condition: BoundLiteral { Value: 0L } }:
                return null;
            case BoundIf ifStatement:
                var then = Rewrite(ifStatement.Then, reads) ?? new BoundBlock(ifStatement.Then.Syntax, []);
                var otherwise = ifStatement.Else is null ? null : Rewrite(ifStatement.Else, reads);
                // Nothing left on either side and a condition without side effects: the whole if goes.
                if (IsEmpty(then) && (otherwise is null || IsEmpty(otherwise)) && purity.IsPure(ifStatement.Condition))
                    return null;
                return ReferenceEquals(then, ifStatement.Then) && ReferenceEquals(otherwise, ifStatement.Else)
                    ? statement
                    : ifStatement with { Then = then, Else = otherwise };
            case BoundWhile loop:
                return Body(loop.Body, reads) is var whileBody && ReferenceEquals(whileBody, loop.Body) ? loop : loop with { Body = whileBody };
            case BoundFor loop:
                return Body(loop.Body, reads) is var forBody && ReferenceEquals(forBody, loop.Body) ? loop : loop with { Body = forBody };
            case BoundForeach loop:
                return Body(loop.Body, reads) is var foreachBody && ReferenceEquals(foreachBody, loop.Body) ? loop : loop with { Body = foreachBody };
            default:
                return statement;
        }
    }

    private static bool IsEmpty(BoundStatement statement) => statement is BoundBlock { Statements.Length: 0 };

    private BoundStatement Body(BoundStatement body, IReadOnlySet<VariableSymbol> reads) =>
        Rewrite(body, reads) ?? new BoundBlock(body.Syntax, []);

    private bool IsDead(BoundExpression expression, IReadOnlySet<VariableSymbol> reads) => expression switch
    {
        BoundAssignment { Target: BoundVariable { Symbol: LocalSymbol local } } assignment =>
            !reads.Contains(local) && purity.IsPure(assignment.Value),
        BoundAssignment or BoundIncrement => false,
        _ => purity.IsPure(expression),
    };

    /// <summary>The locals a body reads: every use but the target of an assignment.</summary>
    private sealed class LocalReads : BoundTreeWalker
    {
        private readonly HashSet<VariableSymbol> _reads = new();
        private readonly HashSet<BoundExpression> _assignedOnly = new(ReferenceEqualityComparer.Instance);

        public static IReadOnlySet<VariableSymbol> Of(BoundBlock body)
        {
            var walker = new LocalReads();
            walker.Walk(body);
            return walker._reads;
        }

        protected override void VisitExpression(BoundExpression expression)
        {
            // `x = v` does not read x; `x += v` and `x <<< v` read it only to write it back, so a
            // local nothing else reads stays unread.
            if (expression is BoundAssignment assignment)
                _assignedOnly.Add(assignment.Target);
            else if (expression is BoundVariable variable && !_assignedOnly.Contains(expression))
                _reads.Add(variable.Symbol);
        }
    }
}
