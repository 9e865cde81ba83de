namespace Tapline.Runtime;

/// <summary>
/// MAXACTION: a probe hit ran more statements than allowed. Not a <see cref="ScriptRuntimeException"/>,
/// so a script's try/catch cannot catch it and loop on: the handler ends, the error is counted.
/// </summary>
public sealed class ActionLimitException() : Exception("MAXACTION exceeded");

/// <summary>A signal ended the probe hit that was running: not the script's error, so not counted as one.</summary>
public sealed class HitInterruptedException() : Exception("interrupted");

/// <summary>
/// A return handler's `@entry(...)` has no entry to read: the thread entered before tracing
/// began. The handler is skipped, as stap skips a return probe without its entry, and counted.
/// </summary>
public sealed class MissingEntryException() : Exception("no entry for @entry: the call began before tracing did");
