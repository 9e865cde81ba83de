using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Run;

/// <summary>Pass 5's output: what the run did. The script's own output went to its writer as it ran.</summary>
public sealed record RunOutcome(
    string Source, long EventsHandled, long HandlersRun, long LostEvents, long BytesPrinted, int Errors)
    : IPassOutput
{
    /// <summary>Events the kernel dropped by the handlers' own conditions (pushed down as tracepoint filters).</summary>
    public long KernelFiltered { get; init; }

    /// <summary>Strings a handler read whose copy at the event faulted.</summary>
    public long CaptureFaults { get; init; }

    /// <summary>Strings of events read after them (`--late-user-reads`).</summary>
    public long LateUserReads { get; init; }

    public static RunOutcome NotRun(string source) => new(source, 0, 0, 0, 0, 0);

    public string Summary => $"ran the module on {Source}";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(EventsHandled, "events"),
        new(HandlersRun, "handler runs"),
        new(LostEvents, "lost events"),
        new(KernelFiltered, "events filtered in the kernel"),
        new(BytesPrinted, "bytes printed"),
        new(Errors, "errors"),
        .. CaptureFaults == 0 && LateUserReads == 0 ? [] : new OutputCount[]
        {
            new(CaptureFaults, "capture faults"),
            new(LateUserReads, "late user reads"),
        },
    ];

    public string FileExtension => "txt";

    /// <summary>Nothing: the script printed its output while it ran.</summary>
    public void Print(TextWriter writer)
    {
    }
}
