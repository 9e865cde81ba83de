namespace Tapline.Passes.Attachments;

/// <summary>The moments of a run's life a handler can run at.</summary>
public enum SessionEvent
{
    Begin,
    End,
    Error,
    Never,
}

/// <summary>`begin`, `end`, `error` (lower priority first, ties in script order) and `never`.</summary>
public sealed record SessionAttachment(SessionEvent Event, long Priority) : ProbeAttachment;
