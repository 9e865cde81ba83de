using System.Collections.Immutable;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;
using Tapline.Runtime;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `process("PATH").begin`: a process begins running PATH where it execs it (on
/// sched_process_exec, the program compared by real path). PATH without a slash is looked
/// up in $PATH, as stap does. The other process(...) points need uprobes or utrace.
/// </summary>
public sealed class ProcessProvider : IProbeProvider
{
    private const string Needs = "process(...) probes need uprobes and the program's debuginfo (function, statement, mark) or utrace " +
        "(syscall, end, and begin of a process id), which Tapline does not provide; process(\"PATH\").begin, and process.begin, " +
        "process.end, process.exec and process.thread.begin/end of every process, are served by tracepoints";

    public IReadOnlyCollection<string> Roots { get; } = ["process"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        if (components is not [{ Argument: StringLiteralSyntax path }, { Name: "begin", Argument: null }])
            return ProbeResolution.Fail(Needs);
        if (Find(path.Value) is not { } program)
            return ProbeResolution.Fail($"no program '{path.Value}' was found (a name without '/' is looked up in $PATH)");
        var quoted = Strings.Literal(program);
        return ProbeResolution.AsAlias(
            $"probe __process_begin = kernel.trace(\"sched:sched_process_exec\") {{ if (!__process_program_is($filename, {quoted})) next }}",
            $"process({quoted}).begin");
    }

    /// <summary>The real path of the program <paramref name="path"/> names (a script string), or null.</summary>
    private static string? Find(string path)
    {
        if (path.Contains('/'))
            return Programs.RealPath(path);
        path = ScriptBytes.ToUnicode(path);
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Programs.RealPath(ScriptBytes.FromUnicode(Path.Combine(d, path))))
            .FirstOrDefault(p => p is not null && File.Exists(ScriptBytes.ToUnicode(p)));
    }
}
