namespace Tapline.Tracing.Catalog;

/// <summary>A tracepoint's system and name, as `available_events` lists it: `sched:sched_switch`.</summary>
public sealed record TracepointName(string System, string Name)
{
    public override string ToString() => $"{System}:{Name}";
}
