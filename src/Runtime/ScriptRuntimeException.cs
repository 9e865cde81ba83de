namespace Tapline.Runtime;

/// <summary>
/// A run-time error in a handler (division by 0, a full array, an empty statistic...).
/// The run pass counts it and reports it as SystemTap does: `ERROR: division by 0 near ... at FILE:LINE:COL`.
/// </summary>
public class ScriptRuntimeException(string message) : Exception(message);

/// <summary>
/// User memory that could not be read (an unmapped address, a process gone): the fault that
/// `user_string(addr, default)` and `user_string_quoted` answer with their own forms, as stap's
/// do. Memory that a run cannot read at all (a recording's) is a plain run-time error instead.
/// </summary>
public sealed class UserMemoryFaultException(string message) : ScriptRuntimeException(message);
