namespace Tapline.Runtime;

/// <summary>
/// A run-time error in a handler (division by 0, a full array, an empty statistic...).
/// The run pass counts it and reports it as SystemTap does: `ERROR: division by 0 near ... at FILE:LINE:COL`.
/// </summary>
public sealed class ScriptRuntimeException(string message) : Exception(message);
