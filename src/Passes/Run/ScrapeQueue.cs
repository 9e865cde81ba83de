using System.Collections.Concurrent;

namespace Tapline.Passes.Run;

/// <summary>
/// Scrapes waiting for the run: the HTTP server asks for a body, and the run thread answers
/// between two events by running the `prometheus` probes, so a scrape never sees a half-updated
/// global. Outside a run, a scrape is refused at once.
/// </summary>
public sealed class ScrapeQueue
{
    private readonly ConcurrentQueue<TaskCompletionSource<string>> _pending = new();
    private volatile bool _accepting;

    /// <summary>Called when a scrape arrives, to end the run loop's wait for events.</summary>
    internal Action? Wake { get; set; }

    /// <summary>The body of one scrape, once the run has produced it.</summary>
    public Task<string> Request()
    {
        if (!_accepting)
            return Task.FromException<string>(new InvalidOperationException("the script is not running"));
        var scrape = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue(scrape);
        try
        {
            Wake?.Invoke();
        }
        catch (ObjectDisposedException)
        {
            // the run ended while this scrape arrived; Close refuses it
        }
        if (!_accepting && _pending.TryDequeue(out var late))
            late.TrySetException(new InvalidOperationException("the script is not running"));
        return scrape.Task;
    }

    internal void Open() => _accepting = true;

    internal bool TryTake(out TaskCompletionSource<string> scrape) => _pending.TryDequeue(out scrape!);

    /// <summary>Stops accepting scrapes and refuses those still waiting.</summary>
    internal void Close()
    {
        _accepting = false;
        while (_pending.TryDequeue(out var scrape))
            scrape.TrySetException(new InvalidOperationException("the script has ended"));
    }
}
