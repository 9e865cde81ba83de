namespace Tapline.Passes.Attachments;

/// <summary>
/// How pass 5 attaches one handler: what the event source of the point's family needs to know
/// of the point. Pass 2's point gives it (<see cref="Elaborate.ResolvedProbePoint.Attachment"/>),
/// pass 3 may complete it (a tracepoint's kernel filter), and pass 5 serves it by its type. A
/// plug-in family subclasses it and registers the event source that serves its kind.
/// </summary>
public abstract record ProbeAttachment;
