using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// `@entry(e)`: e is evaluated where the probed return began, so it needs a point that has an
/// entry (a syscall's or a tracepoint pair's return), and it may read context variables,
/// globals and functions, not the handler's locals (they do not exist yet there).
/// </summary>
public sealed class EntryUse : BoundTreeWalker
{
    private readonly List<BoundEntry> _found = new();

    /// <summary>The `@entry` expressions of a handler, in order.</summary>
    public static IReadOnlyList<BoundEntry> In(BoundBlock body)
    {
        var finder = new EntryUse();
        finder.Walk(body);
        return finder._found;
    }

    /// <summary>Refuses the `@entry` expressions of a probe that cannot have them.</summary>
    public static void Check(BoundProbe probe, DiagnosticBag diagnostics)
    {
        var found = In(probe.Body);
        if (found.Count == 0)
            return;
        if (probe.Point.EntryAttachment is null)
        {
            diagnostics.ReportEntryWithoutReturn(found[0].Syntax.Span, probe.Point.Text);
            return;
        }
        foreach (var entry in found.Where(e => LocalReader.ReadsLocals(e.Operand)))
            diagnostics.ReportEntryReadsLocals(entry.Syntax.Span);
    }

    protected override void VisitExpression(BoundExpression expression)
    {
        if (expression is BoundEntry entry)
            _found.Add(entry);
    }

    private sealed class LocalReader : BoundTreeWalker
    {
        private bool _found;

        public static bool ReadsLocals(BoundExpression expression)
        {
            var reader = new LocalReader();
            reader.Walk(expression);
            return reader._found;
        }

        protected override void VisitExpression(BoundExpression expression) =>
            _found |= expression is BoundVariable { Symbol: LocalSymbol or ParameterSymbol };
    }
}
