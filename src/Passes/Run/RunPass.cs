using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// Pass 5: runs the built module: its begin probes, then its handlers on every event of the
/// live system (or of a perf.data recording, `--input`), its timers between events, and at the
/// end condition (-T, Ctrl-C, exit(), the -c command exiting) its end probes.
/// </summary>
/// <param name="scrapes">Where `--prometheus` scrapes wait for the run, or null when nothing serves them.</param>
public sealed class RunPass(TextWriter output, TextWriter errors, ScrapeQueue? scrapes = null) : IPass<BuiltModule, RunOutcome>
{
    public PassInfo Info { get; } = new(5, PassNames.Run);

    public RunOutcome Run(BuiltModule input, PassContext context)
    {
        var module = Instantiate(input);
        var table = HandlerTable.Of(module, input.Attachments, context.Services.Find<EventSourceFamilies>());
        foreach (var (point, reason) in table.FamilyFailures)
            context.Diagnostics.ReportEventSourceFailed(point, reason);
        foreach (var handler in table.Unserved)
            context.Diagnostics.ReportUnsupportedAtRun(handler.Point, "no event source serves its kind of point");
        foreach (var timer in table.ProfileTicks)
            context.Diagnostics.ReportUnsupportedAtRun(timer.Point, "it samples whatever each CPU runs at every tick, which needs a sampling event Tapline does not open");
        if (context.Diagnostics.HasErrors)
            return RunOutcome.NotRun("nothing");

        var recording = context.Options.Run.RecordingPath;
        var outcome = recording is null
            ? new LiveRun(table, input.Captures, context, Settings(context), scrapes).Execute()
            : new ReplayRun(table, context, Settings(context), recording).Execute();
        if (outcome.Errors > 0)
            context.Diagnostics.ReportRunFailed(outcome.Errors);
        return outcome;
    }

    /// <summary>The session's settings but for what the run finds out itself: `target()` and the wall clock.</summary>
    private SessionSettings Settings(PassContext context) =>
        new(output, errors, TargetPid: 0, WallClockOffset: null, context.Options.Limits.MaxErrors)
        {
            Limits = context.Options.Limits.Run,
            ProbeTiming = context.Options.Run.ProbeTiming,
            SuppressHandlerErrors = context.Options.Run.SuppressHandlerErrors,
            QuietWarnings = context.Options.Run.QuietWarnings,
            LateUserReads = context.Options.LateUserReads,
        };

    private static ProbeModule Instantiate(BuiltModule built)
    {
        var type = built.Assembly?.GetTypes().SingleOrDefault(t => t.IsSubclassOf(typeof(ProbeModule)))
            ?? throw new InvalidOperationException($"module {built.ModuleName} has no probe module class");
        return (ProbeModule)Activator.CreateInstance(type)!;
    }
}
