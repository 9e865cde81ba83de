using System.Text.RegularExpressions;

namespace Tapline.Runtime;

/// <summary>
/// What a handler sees of the event it handles, and where it writes. Generated code and
/// the tapsets' embedded bodies read it as `context`; the run pass (pass 5) implements
/// the event side (fields, process, time) for live tracepoints and for recordings.
/// </summary>
public abstract class ProbeContext
{
    private Match? _lastMatch;
    private long _actionsLeft = RunLimits.DefaultMaxAction;
    private int _depth;
    private volatile bool _interrupted;

    /// <summary>MAXACTION, MAXNESTING and MAXSTRINGLEN for this run.</summary>
    public RunLimits Limits { get; set; } = RunLimits.Default;

    /// <summary>The statement the hit is running, as an index into the module's <see cref="ProbeModule.StatementLocations"/>; -1 before the first.</summary>
    public int Statement { get; set; } = -1;

    /// <summary>The module's statement positions, for <see cref="StatementLocation"/>.</summary>
    public IReadOnlyList<string> StatementLocations { get; set; } = [];

    /// <summary>`file:line:column` of the statement running, or null before the first.</summary>
    public string? StatementLocation => Statement >= 0 && Statement < StatementLocations.Count ? StatementLocations[Statement] : null;

    /// <summary>Starts a probe hit: a fresh budget of statements (a larger one for begin, end and error), no calls open.</summary>
    public void BeginHit(bool interruptible)
    {
        Statement = -1;
        _interrupted = false;
        _actionsLeft = interruptible ? Limits.MaxActionInterruptible : Limits.MaxAction;
        _depth = 0;
    }

    /// <summary>Charges statements about to run against MAXACTION; past it the hit ends with an error.</summary>
    public void Actions(int count)
    {
        if ((_actionsLeft -= count) < 0 || _interrupted)
            throw _interrupted ? new HitInterruptedException() : new ActionLimitException();
    }

    /// <summary>
    /// From another thread (a signal): ends the running hit at its next charge. The run then
    /// stops as the signal asks; the hit is not counted as an error.
    /// </summary>
    public void Interrupt() => _interrupted = true;

    /// <summary>Enters a script function: past MAXNESTING calls deep (or near the end of the stack) it is an error.</summary>
    public void EnterFunction()
    {
        if (_depth >= Limits.MaxNesting || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new ScriptRuntimeException("MAXNESTING exceeded");
        _depth++;
    }

    public void LeaveFunction() => _depth--;

    /// <summary>A string value as SystemTap keeps it: at most MAXSTRINGLEN - 1 bytes of UTF-8.</summary>
    public string Limit(string text) => Strings.Truncate(text, Limits.MaxStringLength - 1);

    private string _tokenizeRest = "";

    /// <summary>
    /// `tokenize(input, delim)`: the first non-empty token of a non-empty input, split at any of
    /// <paramref name="delimiters"/>' characters; with an empty input, the next token of the last one given; "" when none is left.
    /// </summary>
    public string Tokenize(string input, string delimiters)
    {
        if (input.Length > 0)
            _tokenizeRest = input;
        var rest = _tokenizeRest.AsSpan();
        while (rest.Length > 0 && delimiters.Contains(rest[0]))
            rest = rest[1..];
        var end = rest.IndexOfAny(delimiters);
        var token = end < 0 ? rest.ToString() : rest[..end].ToString();
        _tokenizeRest = end < 0 ? "" : rest[(end + 1)..].ToString();
        return token;
    }

    public abstract long Pid { get; }
    public abstract long Tid { get; }
    public abstract long ParentPid { get; }
    public abstract long Uid { get; }
    public abstract long Gid { get; }
    public abstract long EffectiveUid { get; }
    public abstract long EffectiveGid { get; }
    public abstract string ProcessName { get; }

    /// <summary>The process of another thread, as the run's events tell it; null when they have not.</summary>
    public virtual long? ProcessOfThread(long tid) => null;

    /// <summary>The name of another thread, as the run's events tell it; null when they have not.</summary>
    public virtual string? NameOfThread(long tid) => null;

    /// <summary>The parent of another process, as the run's events tell it; 0 when they have not.</summary>
    public virtual long ParentOfProcess(long pid) => 0;

    /// <summary>The real path of the program process <paramref name="pid"/> runs, as the run's events tell it; null when they have not.</summary>
    public virtual string? ProgramOf(long pid) => null;
    public abstract long Cpu { get; }

    /// <summary>The event's time as wall-clock nanoseconds since the epoch.</summary>
    public abstract long WallClockNanoseconds { get; }

    public abstract long MonotonicNanoseconds { get; }

    /// <summary>The probe point being handled, as `pp()` returns it.</summary>
    public string ProbePoint { get; set; } = "";

    public long TargetPid { get; init; }

    public bool IsReturn { get; set; }

    /// <summary>Where print and printf write.</summary>
    public abstract TextWriter Output { get; }

    /// <summary>A numeric field of the event's tracepoint (`$prev_pid`), or an element of an array field (`$args[2]`).</summary>
    public abstract long Field(string name, long index = 0);

    /// <summary>Whether the event's record has a field <paramref name="name"/>.</summary>
    public virtual bool HasField(string name) => false;

    /// <summary>A text field of the event's tracepoint (`$comm`).</summary>
    public abstract string TextField(string name);

    /// <summary>Writes a writable context variable: the `$value` of a prometheus probe.</summary>
    public abstract string SetTextField(string name, string value);

    /// <summary>`$$name`: the tracepoint's name.</summary>
    public abstract string TracepointName { get; }

    /// <summary>`$$vars` and `$$parms`: every field as `name=value`, separated by spaces.</summary>
    public abstract string FieldsText();

    /// <summary>`user_string(addr)`: text from the traced process's memory.</summary>
    public abstract string ReadUserString(long address);

    /// <summary>`exit()`: end the run after this handler.</summary>
    public abstract void Exit();

    /// <summary>`warn(msg)`.</summary>
    public abstract void Warn(string message);

    /// <summary>`error(msg)`: a run-time error, counted and reported like any other.</summary>
    public void Error(string message) => throw new ScriptRuntimeException(message);

    /// <summary>`text =~ pattern`; `matched(n)` reads the groups of the last match that succeeded.</summary>
    public bool Matches(string text, string pattern)
    {
        var match = RegexCache.Get(pattern).Match(text);
        if (match.Success)
            _lastMatch = match;
        return match.Success;
    }

    public string RegexGroup(long group) =>
        _lastMatch is { } match && group >= 0 && group < match.Groups.Count
            ? match.Groups[(int)group].Value
            : throw new ScriptRuntimeException($"matched({group}): no such group in the last regular expression match");
}
