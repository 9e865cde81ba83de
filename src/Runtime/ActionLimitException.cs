namespace Tapline.Runtime;

/// <summary>
/// MAXACTION: a probe hit ran more statements than allowed. Not a <see cref="ScriptRuntimeException"/>,
/// so a script's try/catch cannot catch it and loop on: the handler ends, the error is counted.
/// </summary>
public sealed class ActionLimitException() : Exception("MAXACTION exceeded");
