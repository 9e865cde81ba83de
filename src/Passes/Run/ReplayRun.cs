using Tapline.Passes.Pipeline;
using Tapline.Tracing.Recording;

namespace Tapline.Passes.Run;

/// <summary>Pass 5 on a perf.data recording: the same session, fed from the file in time order.</summary>
internal sealed class ReplayRun(HandlerTable table, PassContext context, SessionSettings settings, string path)
{
    public RunOutcome Execute()
    {
        RecordingSource source;
        try
        {
            source = new RecordingSource(PerfDataFile.Open(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            context.Diagnostics.ReportBadRecording(path, e.Message);
            return RunOutcome.NotRun(path);
        }
        var recorded = source.File.Formats.Select(f => f.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var tracepoint in table.Tracepoints.Keys.Where(t => !recorded.Contains(t)).Order(StringComparer.Ordinal))
            context.Diagnostics.ReportTracepointNotRecorded(path, tracepoint);

        var readingMemory = context.Options.LateUserReads ? [] : table.Tracepoints.Values.SelectMany(t => t.ReadingUserMemory).Distinct(StringComparer.Ordinal).ToList();
        foreach (var point in readingMemory)
            context.Diagnostics.ReportUserMemoryNotRecorded(path, point);
        if (table.ExistingProcesses.Count > 0)
            context.Diagnostics.ReportExistingProcessesNotReplayed(path);

        foreach (var family in table.Families)
            context.Diagnostics.ReportFamilyNotRecorded(path, family.Handlers[0].Handler.Point);
        if (table.Samplers.Count > 0)
            context.Diagnostics.ReportSamplingNotRecorded(path);
        foreach (var uprobe in table.Uprobes)
            context.Diagnostics.ReportUprobeNotRecorded(path, uprobe.StreamName);
        if (table.Samplers.Count > 0 || table.Families.Count > 0 || readingMemory.Count > 0 || table.Uprobes.Count > 0)
        {
            return RunOutcome.NotRun(path);
        }

        var run = context.Options.Run;
        var session = new ScriptSession(table, settings with { TargetPid = run.TargetPid ?? 0, WallClockOffset = source.File.WallClockOffset }, source.Decoder.Processes, new RecordedProcessMemory());
        // A signal also ends the handler that is running, at its next charge against MAXACTION.
        using var interruption = context.Cancellation.Register(session.Context.Interrupt);
        var start = source.StartTime;
        if (run.Duration is { } duration)
            session.Dispatcher.StopTime = start + (long)duration.TotalNanoseconds;
        session.Begin(start);
        session.Timers.Start(start);
        try
        {
            source.Replay(session.Dispatcher, () => session.Stopped || context.Cancellation.IsCancellationRequested);
        }
        catch (InvalidDataException e)
        {
            context.Diagnostics.ReportBadRecording(path, e.Message);
        }
        session.Finish(Math.Max(start, session.Dispatcher.LastEventTime));
        if (source.Decoder.SkippedRecords.Count > 0)
        {
            var kinds = source.Decoder.SkippedRecords.OrderBy(k => k.Key)
                .Select(k => $"{k.Value} {Tracing.Perf.PerfRecordType.NameOf(k.Key)}");
            context.Diagnostics.ReportRecordsSkipped(path, string.Join(", ", kinds));
        }
        return session.Conclude($"recording {Path.GetFileName(path)}", source.Decoder.LostEvents);
    }
}
