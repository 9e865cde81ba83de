using System.Globalization;

namespace Tapline.Runtime;

/// <summary>
/// The tapset's task functions. Tapline reads no kernel memory, so a "task" is a handle, the
/// thread id: `task_current()` gives the current thread's, and a handle's fields come from the
/// event when it is the current thread, else from what the run's events told (its process and
/// name), else from /proc/TID (a run-time error when it has gone).
/// </summary>
public static class Tasks
{
    public static long Pid(ProbeContext context, long task) =>
        task == context.Tid ? context.Pid : task == 0 ? 0 : context.ProcessOfThread(task) ?? Status(task, "Tgid:");

    public static long ParentTask(ProbeContext context, long task) =>
        task == context.Tid ? context.ParentPid : Status(task, "PPid:");

    public static string Name(ProbeContext context, long task) =>
        task == context.Tid ? context.ProcessName : context.NameOfThread(task) ?? Read(task, "comm").TrimEnd('\n');

    public static long Uid(ProbeContext context, long task) => task == context.Tid ? context.Uid : Status(task, "Uid:");

    public static long Gid(ProbeContext context, long task) => task == context.Tid ? context.Gid : Status(task, "Gid:");

    public static long EffectiveUid(ProbeContext context, long task) => task == context.Tid ? context.EffectiveUid : Status(task, "Uid:", 1);

    public static long EffectiveGid(ProbeContext context, long task) => task == context.Tid ? context.EffectiveGid : Status(task, "Gid:", 1);

    public static long Cpu(ProbeContext context, long task) => task == context.Tid ? context.Cpu : Stat(task, 39);

    /// <summary>`task_prio`: the kernel's prio less MAX_RT_PRIO (20 for a normal task of nice 0), /proc's "priority".</summary>
    public static long Priority(long task) => Stat(task, 18);

    public static long Nice(long task) => Stat(task, 19);

    /// <summary>`task_state`: 0 running, 1 interruptible, 2 uninterruptible, 4 stopped, 8 traced, 16 dead, 32 zombie (the kernel's TASK_ and EXIT_ bits).</summary>
    public static long State(long task) => StatField(task, 3) switch
    {
        "R" => 0,
        "S" => 1,
        "D" => 2,
        "T" => 4,
        "t" => 8,
        "X" => 16,
        "Z" => 32,
        "I" => 1026,
        var other => throw new ScriptRuntimeException($"task {task} is in state '{other}', which has no task_state value"),
    };

    /// <summary>`pid2task`: the handle of process <paramref name="pid"/>, its main thread, or 0 when it has none.</summary>
    public static long OfProcess(ProbeContext context, long pid) =>
        pid > 0 && (pid == context.Pid || context.ProcessOfThread(pid) == pid || Directory.Exists($"/proc/{pid}/task/{pid}")) ? pid : 0;

    /// <summary>`pid2execname`: the name of process <paramref name="pid"/>, or "" when it has none.</summary>
    public static string NameOfProcess(ProbeContext context, long pid)
    {
        if (pid == context.Pid)
            return context.ProcessName;
        if (context.ProcessOfThread(pid) == pid && context.NameOfThread(pid) is { } known)
            return known;
        try
        {
            return pid > 0 ? Processes.Name(pid) : "";
        }
        catch (ScriptRuntimeException)
        {
            return "";
        }
    }

    private static string Read(long task, string file) => Processes.Read($"/proc/{task}/task/{task}/{file}", $"task {task}");

    private static long Status(long task, string key, int column = 0)
    {
        foreach (var line in Read(task, "status").Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Split('\t', StringSplitOptions.RemoveEmptyEntries)[column].Trim(), CultureInfo.InvariantCulture);
        }
        throw new ScriptRuntimeException($"task {task}: /proc has no '{key}'");
    }

    /// <summary>Field N (from 1) of /proc/TID/stat.</summary>
    private static string StatField(long task, int field) => Processes.FieldOfStat(Read(task, "stat"), field);

    private static long Stat(long task, int field) => long.Parse(StatField(task, field), CultureInfo.InvariantCulture);
}
