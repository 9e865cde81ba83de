using System.Collections.Frozen;
using Tapline.Passes.Binding;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// The `struct task_struct *` arguments of the scheduler's and signals' tracepoints (`$prev`,
/// `$next`, `$p`...), as far as the tracepoint records them: `$prev` is the task's handle (its
/// thread id, as task.stp's functions take it), and `$prev->pid`, `->comm`, `->prio` and
/// `->state` read the fields the tracepoint recorded for it. Other members need debuginfo.
/// </summary>
internal static class TaskArguments
{
    private static readonly string[] Members = ["pid", "comm", "prio", "state"];

    private static readonly (string Argument, string Prefix)[] OneTask = [("p", "")];

    /// <summary>For each tracepoint, its task arguments and the prefix of the fields recorded for each.</summary>
    private static readonly FrozenDictionary<string, (string Argument, string Prefix)[]> Tracepoints =
        new Dictionary<string, (string, string)[]>
        {
            ["sched:sched_switch"] = [("prev", "prev_"), ("next", "next_")],
            ["sched:sched_process_fork"] = [("parent", "parent_"), ("child", "child_")],
            ["sched:sched_wakeup"] = OneTask,
            ["sched:sched_wakeup_new"] = OneTask,
            ["sched:sched_waking"] = OneTask,
            ["sched:sched_migrate_task"] = OneTask,
            ["sched:sched_process_exit"] = OneTask,
            ["sched:sched_process_free"] = OneTask,
            ["sched:sched_process_exec"] = OneTask,
            ["sched:sched_kthread_stop"] = [("k", "")],
            ["sched:sched_stat_runtime"] = [("tsk", "")],
            ["sched:sched_stat_sleep"] = [("tsk", "")],
            ["sched:sched_stat_wait"] = [("tsk", "")],
            ["sched:sched_stat_iowait"] = [("tsk", "")],
            ["sched:sched_stat_blocked"] = [("tsk", "")],
            ["sched:sched_pi_setprio"] = [("tsk", "")],
            ["signal:signal_generate"] = [("task", "")],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The variables of <paramref name="format"/>'s task arguments: `$ARG` and `$ARG->MEMBER` (named `ARG->MEMBER`).</summary>
    public static IEnumerable<ContextVariableSymbol> Of(TracepointFormat format)
    {
        if (!Tracepoints.TryGetValue(format.FullName, out var arguments))
            yield break;
        foreach (var (argument, prefix) in arguments)
        {
            if (format.FindField(prefix + "pid") is null || format.FindField(argument) is not null)
                continue;
            yield return new ContextVariableSymbol(argument, ScriptType.Long, "struct task_struct*", Field: prefix + "pid");
            foreach (var member in Members)
            {
                if (format.FindField(prefix + member) is { } field)
                {
                    yield return new ContextVariableSymbol(
                        $"{argument}->{member}", field.IsString ? ScriptType.String : ScriptType.Long, field.CType, Field: field.Name);
                }
            }
        }
    }
}
