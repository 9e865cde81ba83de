namespace Tapline.Passes.Attachments;

/// <summary>
/// A periodic timer: its period and its `.randomize(M)` spread (each period off by up to that
/// much either way), in nanoseconds. A period of 0 is `timer.profile`'s tick on every CPU.
/// </summary>
public sealed record TimerAttachment(long PeriodNanoseconds, long SpreadNanoseconds) : ProbeAttachment;
