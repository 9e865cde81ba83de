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
            var removal = new Removal(purity, elided, LocalReads.Of(body));
            var rewritten = removal.RewriteStatement(body);
            if (ReferenceEquals(rewritten, body))
                return body;
            body = rewritten as BoundBlock ?? body with { Statements = [] };
        }
    }

    /// <summary>
    /// One sweep. A statement that is dead entirely comes back as an empty block marked dropped,
    /// which the block holding it leaves out (a loop or branch keeps it as its empty body); a
    /// block whose statements all went stays, empty, as it did before. Expressions are kept as
    /// they are: what goes is whole statements.
    /// </summary>
    private sealed class Removal(Purity purity, Action<BoundExpression>? elided, IReadOnlySet<VariableSymbol> reads) : BoundTreeRewriter
    {
        private readonly HashSet<BoundStatement> _dropped = new(ReferenceEqualityComparer.Instance);

        public override BoundExpression RewriteExpression(BoundExpression expression) => expression;

        protected override BoundStatement RewriteBlock(BoundBlock block)
        {
            var kept = ImmutableArray.CreateBuilder<BoundStatement>();
            var changed = false;
            foreach (var inner in block.Statements)
            {
                var rewritten = RewriteStatement(inner);
                changed |= !ReferenceEquals(rewritten, inner);
                if (!_dropped.Contains(rewritten))
                    kept.Add(rewritten);
            }
            return changed ? block with { Statements = kept.ToImmutable() } : block;
        }

        protected override BoundStatement RewriteExpressionStatement(BoundExpressionStatement statement)
        {
            if (!IsDead(statement.Expression))
                return statement;
            elided?.Invoke(statement.Expression);
            return Dropped(statement);
        }

        protected override BoundStatement RewriteIf(BoundIf statement)
        {
            // A constant condition keeps only the branch it takes, as stap's first elision does.
            if (statement.Condition is BoundLiteral { Value: long constant })
                return constant != 0 ? RewriteStatement(statement.Then) : statement.Else is null ? Dropped(statement) : RewriteStatement(statement.Else);
            var then = RewriteStatement(statement.Then);
            var otherwise = statement.Else is null ? null : RewriteStatement(statement.Else);
            // Nothing left on either side and a condition without side effects: the whole if goes.
            if (IsEmpty(then) && (otherwise is null || IsEmpty(otherwise)) && purity.IsPure(statement.Condition))
                return Dropped(statement);
            return ReferenceEquals(then, statement.Then) && ReferenceEquals(otherwise, statement.Else)
                ? statement
                : statement with { Then = then, Else = otherwise };
        }

        protected override BoundStatement RewriteWhile(BoundWhile loop) =>
            loop.Condition is BoundLiteral { Value: 0L } ? Dropped(loop) : base.RewriteWhile(loop);

        /// <summary>A try keeps its code: what its handler catches depends on what the body does.</summary>
        protected override BoundStatement RewriteTry(BoundTry statement) => statement;

        private BoundBlock Dropped(BoundStatement statement)
        {
            var empty = new BoundBlock(statement.Syntax, []);
            _dropped.Add(empty);
            return empty;
        }

        private static bool IsEmpty(BoundStatement statement) => statement is BoundBlock { Statements.Length: 0 };

        private bool IsDead(BoundExpression expression) => expression switch
        {
            BoundAssignment { Target: BoundVariable { Symbol: LocalSymbol local } } assignment =>
                !reads.Contains(local) && purity.IsPure(assignment.Value),
            BoundAssignment or BoundIncrement => false,
            _ => purity.IsPure(expression),
        };
    }

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
