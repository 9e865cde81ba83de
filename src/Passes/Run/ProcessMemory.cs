using Tapline.Runtime;
using Tapline.Tracing.Processes;

namespace Tapline.Passes.Run;

/// <summary>The live system's processes: their memory and /proc status, read when a handler asks.</summary>
internal sealed class LiveProcessMemory : IProcessMemory
{
    public string ReadString(int pid, long address)
    {
        try
        {
            return UserMemory.ReadString(pid, address);
        }
        catch (InvalidOperationException e)
        {
            throw new UserMemoryFaultException(e.Message);
        }
    }

    public ProcessCredentials Credentials(int pid) => ProcessStatus.ReadIds(pid) is { } ids
        ? new ProcessCredentials(ids.Uid, ids.EffectiveUid, ids.Gid, ids.EffectiveGid)
        : throw new ScriptRuntimeException($"process {pid} has exited; its user and group ids are gone");
}

/// <summary>A recording holds events, not memory or credentials: asking for them is a clear run-time error.</summary>
internal sealed class RecordedProcessMemory : IProcessMemory
{
    public string ReadString(int pid, long address) =>
        throw new ScriptRuntimeException($"user memory (0x{address:x} of process {pid}) is not part of a recording");

    public ProcessCredentials Credentials(int pid) =>
        pid == Environment.ProcessId
            ? new LiveProcessMemory().Credentials(pid)
            : throw new ScriptRuntimeException($"user and group ids of process {pid} are not part of a recording");
}
