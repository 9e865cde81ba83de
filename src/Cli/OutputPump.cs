using System.Text;
using Tapline.Runtime;

namespace Tapline.Cli;

/// <summary>
/// The script's output, written to its sink (standard output or the `-o` file) by a thread of
/// its own, so that a reader who stops reading never stalls tracing: the run thread only
/// queues text. When the queue is full the run waits (the kernel then drops and counts events)
/// until the reader catches up or the run is told to stop. A sink that fails (a broken pipe,
/// a full disk, a closed descriptor) is recorded once, drops what follows, and stops the run.
/// </summary>
internal sealed class OutputPump : TextWriter
{
    private const int FlushThreshold = 64 << 10;
    private const long MaxQueuedBytes = 16L << 20;
    private static readonly TimeSpan GraceAfterStop = TimeSpan.FromMilliseconds(200);

    private readonly Func<Stream> _open;
    private readonly StringBuilder _pending = new();
    private readonly Queue<byte[]> _queue = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    private long _queuedBytes;
    private volatile bool _completed;
    private volatile bool _opened;
    private Stream? _sink;

    /// <param name="open">Opens the sink; called on the pump's thread when the first bytes are written.</param>
    /// <param name="sinkName">What the sink is, for messages: "standard output", "'FILE'".</param>
    public OutputPump(Func<Stream> open, string sinkName)
    {
        _open = open;
        SinkName = sinkName;
        _thread = new Thread(Pump) { IsBackground = true, Name = "tapline output" };
        _thread.Start();
    }

    public string SinkName { get; }

    public override Encoding Encoding => ScriptBytes.Encoding;

    /// <summary>Why the sink could not be written, or null.</summary>
    public IOException? Failure { get; private set; }

    /// <summary>Called once, on the pump's thread, when the sink fails.</summary>
    public Action? FailureObserved { get; set; }

    /// <summary>Set while the run should not wait for the reader any more (a signal or the end of the run).</summary>
    public CancellationToken StopWaiting { get; set; }

    /// <summary>True once <see cref="Complete"/> ran: the sink is closed and any failure was said.</summary>
    public bool Completed => _completed;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (_pending.Length >= FlushThreshold)
            Flush();
    }

    public override void Write(string? value)
    {
        _pending.Append(value);
        if (_pending.Length >= FlushThreshold)
            Flush();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _pending.Append(buffer, index, count);
        if (_pending.Length >= FlushThreshold)
            Flush();
    }

    /// <summary>Hands the pending text to the pump; waits while the queue is full, unless told to stop waiting.</summary>
    public override void Flush()
    {
        if (_pending.Length == 0)
            return;
        var bytes = ScriptBytes.ToBytes(_pending.ToString());
        _pending.Clear();
        lock (_gate)
        {
            while (_queuedBytes > MaxQueuedBytes && Failure is null && !StopWaiting.IsCancellationRequested)
                Monitor.Wait(_gate, 50);
            if (Failure is not null)
                return;
            _queue.Enqueue(bytes);
            _queuedBytes += bytes.Length;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Writes what is left and waits for the sink to take it, or, once <paramref name="stop"/> is
    /// set, a short grace more. With <paramref name="create"/> an output that printed nothing
    /// still opens (and so creates) its sink, as a run's `-o` file is made even when empty.
    /// Returns the bytes that were not written.
    /// </summary>
    public long Complete(CancellationToken stop, bool create)
    {
        StopWaiting = stop;
        Flush();
        lock (_gate)
        {
            if (create && !_opened && _queue.Count == 0)
                _queue.Enqueue([]);
            _completed = true;
            Monitor.PulseAll(_gate);
        }
        while (!_thread.Join(50))
        {
            if (stop.IsCancellationRequested && !_thread.Join(GraceAfterStop))
                break;
        }
        lock (_gate)
            return _queuedBytes;
    }

    /// <summary>
    /// Completes <paramref name="output"/> when it is a pump (see <see cref="Complete"/>) and says
    /// on <paramref name="stderr"/> what could not be written; returns the exit status that
    /// failure gives (1), or null when everything was written. A broken pipe (the reader has
    /// gone, as with `| head -1`) is a failure without a message.
    /// </summary>
    public static int? Finish(TextWriter output, CancellationToken stop, bool create, TextWriter stderr)
    {
        if (output is not OutputPump pump)
        {
            output.Flush();
            return null;
        }
        var unwritten = pump.Complete(stop, create);
        if (pump.Failure is { } failure)
        {
            if (failure.HResult != Tracing.Files.DescriptorStream.BrokenPipe)
                stderr.WriteLine($"tapline: cannot write {pump.SinkName}: {failure.Message}");
            return 1;
        }
        if (unwritten > 0)
        {
            stderr.WriteLine($"tapline: {unwritten} bytes of output were not written: {pump.SinkName} is not being read");
            return 1;
        }
        return null;
    }

    private void Pump()
    {
        while (true)
        {
            byte[] chunk;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_completed)
                    Monitor.Wait(_gate);
                if (_queue.Count == 0)
                    break;
                chunk = _queue.Peek();
            }
            if (!TryWrite(chunk))
                return;
            lock (_gate)
            {
                _queue.Dequeue();
                _queuedBytes -= chunk.Length;
                Monitor.PulseAll(_gate);
            }
        }
        Close(_sink);
    }

    private bool TryWrite(byte[] chunk)
    {
        try
        {
            _opened = true;
            _sink ??= _open();
            _sink.Write(chunk);
            _sink.Flush();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                Failure = e as IOException ?? new IOException(e.Message, e);
                _queue.Clear();
                _queuedBytes = 0;
                Monitor.PulseAll(_gate);
            }
            Close(_sink);
            FailureObserved?.Invoke();
            return false;
        }
    }

    private static void Close(Stream? sink)
    {
        try
        {
            sink?.Dispose();
        }
        catch (IOException)
        {
            // The error was reported by the write that failed; closing adds nothing.
        }
    }
}
