using System.Text;
using Tapline.Runtime;
using Tapline.Tracing.Capture;
using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// The context handlers see during pass 5: the event being handled (its record read in place,
/// through a pointer valid while the handler runs), the process table, the clock, the output.
/// Probes without an event (begin, end, timers) see the tracer's own process.
/// </summary>
internal sealed unsafe class EventContext(TextWriter output, TextWriter errors, ProcessTable processes, IProcessMemory memory) : ProbeContext
{
    private EventFormat? _format;
    private byte* _raw;
    private int _rawLength;
    private int _captureStart;
    private long _time;
    private int _cpu;
    private int _pid = Environment.ProcessId;
    private int _tid = Environment.ProcessId;

    private string? _scrapeBody;

    public bool ExitRequested { get; private set; }

    /// <summary>What to add to an event's time for wall-clock nanoseconds; null when the recording does not say.</summary>
    public long? WallClockOffset { get; init; }

    /// <summary>The time `gettimeofday_*` report in probes without an event: the stream's time so far.</summary>
    public long CurrentTime { get; set; }

    public void Enter(in TraceEvent traceEvent, byte* raw)
    {
        _format = traceEvent.Format;
        _raw = raw;
        _rawLength = traceEvent.Raw.Length;
        _captureStart = traceEvent.CaptureStart;
        (_time, _cpu, _pid, _tid) = (traceEvent.Time, traceEvent.Cpu, traceEvent.Pid, traceEvent.Tid);
        CurrentTime = traceEvent.Time;
    }

    /// <summary>A probe without an event (begin, end, a timer) at <see cref="CurrentTime"/>.</summary>
    public void EnterWithoutEvent()
    {
        _format = null;
        _raw = null;
        _rawLength = 0;
        _captureStart = 0;
        IsReturn = false;
        (_time, _cpu, _pid, _tid) = (CurrentTime, 0, Environment.ProcessId, Environment.ProcessId);
    }

    /// <summary>A probe without an event, in the context of process <paramref name="pid"/> (its main thread), at <see cref="CurrentTime"/>.</summary>
    public void EnterProcess(int pid)
    {
        EnterWithoutEvent();
        (_pid, _tid) = (pid, pid);
    }

    private ReadOnlySpan<byte> Raw => new(_raw, _rawLength);

    private EventFormat Format => _format ?? throw new ScriptRuntimeException($"probe {ProbePoint} has no tracepoint record to read");

    public override long Pid => _pid;
    public override long Tid => _tid;
    public override long ParentPid => processes.ParentOf(_pid);
    public override long Uid => memory.Credentials(_pid).Uid;
    public override long Gid => memory.Credentials(_pid).Gid;
    public override long EffectiveUid => memory.Credentials(_pid).EffectiveUid;
    public override long EffectiveGid => memory.Credentials(_pid).EffectiveGid;
    /// <summary>The task's name; the idle task of each CPU (thread 0) is `swapper/CPU`, as the kernel names it.</summary>
    public override string ProcessName => _tid == Environment.ProcessId && _format is null ? "tapline"
        : _tid == 0 ? $"swapper/{_cpu}" : processes.NameOf(_tid);

    public override long? ProcessOfThread(long tid) => tid is > 0 and <= int.MaxValue ? processes.ProcessOf((int)tid) : null;

    public override string? NameOfThread(long tid) => tid is > 0 and <= int.MaxValue ? processes.KnownNameOf((int)tid) : null;

    public override long ParentOfProcess(long pid) => pid is > 0 and <= int.MaxValue ? processes.ParentOf((int)pid) : 0;

    public override string? ProgramOf(long pid) => pid is > 0 and <= int.MaxValue ? processes.ProgramOf((int)pid) : null;
    public override long Cpu => _cpu;

    public override long WallClockNanoseconds => WallClockOffset is { } offset
        ? _time + offset
        : throw new ScriptRuntimeException("the recording has no wall-clock reference (record it with perf record -k CLOCK_MONOTONIC)");

    public override long MonotonicNanoseconds => _time;

    public override TextWriter Output => output;

    public override string TracepointName => Format.FullName;

    public override long Field(string name, long index = 0) => Format.ReadNumber(Raw, name, index);

    public override bool HasField(string name) => _format?.Find(name) is not null;

    public override string TextField(string name) =>
        _scrapeBody is not null && name == ScrapeField ? _scrapeBody : Format.ReadText(Raw, name);

    public override string SetTextField(string name, string value) =>
        _scrapeBody is not null && name == ScrapeField
            ? _scrapeBody = Strings.Truncate(value, ScrapeBodyBytes)
            : throw new ScriptRuntimeException($"${name} can only be written in a prometheus probe, which serves a scrape (--prometheus)");

    /// <summary>The writable `$value` of a prometheus probe: the body of the HTTP response.</summary>
    public const string ScrapeField = "value";

    /// <summary>How much of a scrape body `$value` holds: 64 KiB, where a script string holds MAXSTRINGLEN.</summary>
    public const int ScrapeBodyBytes = 65536;

    /// <summary>Starts a scrape: `$value` is empty and writable until <see cref="EndScrape"/>.</summary>
    public void BeginScrape()
    {
        EnterWithoutEvent();
        _scrapeBody = "";
    }

    public string EndScrape()
    {
        var body = _scrapeBody ?? "";
        _scrapeBody = null;
        return body;
    }

    public override string FieldsText() => Format.Describe(Raw);

    /// <summary>
    /// A string of the traced process: as the capture program copied it while the event fired;
    /// in a probe without an event, Tapline's own (or the process it began), read now. An event's
    /// string that was not copied is an error, unless `--late-user-reads` lets it be read now.
    /// </summary>
    public override string ReadUserString(long address)
    {
        if (_captureStart > 0 && CapturedMemory.TryFind(Raw, _captureStart, address, out var captured))
        {
            if (!captured.Faulted)
                return Encoding.Latin1.GetString(captured.Text);
            CaptureFaults++;
            throw new UserMemoryFaultException($"user string copy fault -{captured.Error} at 0x{address:x} [man error::fault]");
        }
        if (_format is not null && !LateUserReads)
            throw new ScriptRuntimeException(
                $"user memory at 0x{address:x} was not copied when the event fired (pass 3 copies only strings at the tracepoint's pointer fields; --late-user-reads reads it now)");
        var text = memory.ReadString(_pid, address);
        if (_format is not null)
            LateReads++;
        return text;
    }

    /// <summary>`--late-user-reads`: an event's user memory that was not copied is read when the handler asks.</summary>
    public bool LateUserReads { get; init; }

    /// <summary>Strings whose copy at the event faulted (the page was not in memory, the address was bad) and that a handler read.</summary>
    public long CaptureFaults { get; private set; }

    /// <summary>Strings of an event read after it, with `--late-user-reads`: what they print may not be what the event saw.</summary>
    public long LateReads { get; private set; }

    public override void Exit() => ExitRequested = true;

    /// <summary>`-q`: the script's `warn()` messages are not printed.</summary>
    public bool QuietWarnings { get; init; }

    public override void Warn(string message)
    {
        if (!QuietWarnings)
            errors.WriteLine($"WARNING: {message}");
    }
}
