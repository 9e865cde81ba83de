using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Run;

/// <summary>
/// The plug-in families' event sources of a live run: opened together (a failure is reported
/// and closes those already open), asked for their events on every turn of the run loop,
/// closed on every path.
/// </summary>
internal sealed class FamilySources : IDisposable
{
    private readonly List<(IEventSource Source, string Point)> _open = new();
    private readonly List<(IEventSource Source, string Point)> _delivering = new();
    private readonly DiagnosticBag _diagnostics;

    private FamilySources(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>
    /// Opens every family's source, or reports why one could not be opened and returns null.
    /// A plug-in's code may fail in any way; what it throws is its reason, never a crash of the run.
    /// </summary>
    public static FamilySources? Open(IReadOnlyList<FamilyHandlers> families, DiagnosticBag diagnostics)
    {
        var sources = new FamilySources(diagnostics);
        foreach (var family in families)
        {
            var point = family.Handlers[0].Handler.Point;
            try
            {
                var attachments = family.Handlers.Select(h => h.Attachment).Distinct().ToList();
                sources._open.Add((family.Family.Open(attachments), point));
            }
            catch (Exception e)
            {
                diagnostics.ReportEventSourceFailed(point, e.Message);
                sources.Dispose();
                return null;
            }
        }
        sources._delivering.AddRange(sources._open);
        return sources;
    }

    /// <summary>
    /// Hands the dispatcher each source's events up to <paramref name="time"/>; a source that says
    /// it is done, or fails (reported), is asked no more.
    /// </summary>
    public void Deliver(EventDispatcher dispatcher, long time) =>
        _delivering.RemoveAll(open => !Deliver(open.Source, open.Point, dispatcher, time));

    private bool Deliver(IEventSource source, string point, EventDispatcher dispatcher, long time)
    {
        try
        {
            return source.Deliver(dispatcher, time);
        }
        catch (Exception e)
        {
            _diagnostics.ReportEventSourceFailed(point, e.Message);
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var (source, _) in _open)
            source.Dispose();
        _open.Clear();
        _delivering.Clear();
    }
}
