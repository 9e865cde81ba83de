namespace Tapline.Passes.Run;

/// <summary>What a handler may read of a traced process beyond its event: user memory and credentials.</summary>
internal interface IProcessMemory
{
    /// <summary>The text at <paramref name="address"/> of process <paramref name="pid"/>, up to its NUL.</summary>
    string ReadString(int pid, long address);

    ProcessCredentials Credentials(int pid);
}

internal readonly record struct ProcessCredentials(long Uid, long EffectiveUid, long Gid, long EffectiveGid);
