using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// Runs one handler at a time on the context: sets what `pp()` says, counts run-time errors as
/// SystemTap does (the run ends past MAXERRORS), and knows when the run must stop. With
/// `--suppress-handler-errors` an error ends its handler silently, uncounted; with `-t` each
/// handler's time is kept in <paramref name="times"/>.
/// </summary>
internal sealed class ProbeInvoker(
    EventContext context, ErrorCounter errors, TextWriter errorOutput, bool suppressErrors = false, ProbeTimes? times = null)
{
    private bool _tooManyErrors;

    public long HandlersRun { get; private set; }

    public int Errors => errors.Count;

    /// <summary>SystemTap's closing `WARNING: Number of errors: N, skipped probes: M`, or null.</summary>
    public string? ErrorSummary => errors.Summary(Skipped);

    /// <summary>Handlers skipped: return handlers whose `@entry` had no entry to read.</summary>
    public long Skipped { get; private set; }

    /// <summary>`exit()` was called, or errors passed MAXERRORS.</summary>
    public bool Stopped => context.ExitRequested || _tooManyErrors;

    public EventContext Context => context;

    /// <param name="interruptible">A begin, end or error probe: a signal ends it at its next charge against MAXACTION.</param>
    public void Invoke(ProbeHandler handler, bool interruptible = false)
    {
        context.ProbePoint = handler.Point;
        context.BeginHit(interruptible);
        HandlersRun++;
        var started = times is null ? 0 : ProbeTimes.Now();
        try
        {
            handler.Run(context);
        }
        catch (Exception error) when (error is NextProbeException or HitInterruptedException)
        {
        }
        catch (MissingEntryException)
        {
            Skipped++;
        }
        catch (Exception error) when (!suppressErrors)
        {
            if (errors.Report(error, errorOutput, context.StatementLocation))
                _tooManyErrors = true;
        }
        catch (Exception)
        {
        }
        finally
        {
            times?.Record(handler, started);
        }
    }

    /// <summary>Begin, end or error probes, each without an event.</summary>
    public void InvokeAll(IEnumerable<ProbeHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            context.EnterWithoutEvent();
            Invoke(handler, interruptible: true);
        }
    }
}
