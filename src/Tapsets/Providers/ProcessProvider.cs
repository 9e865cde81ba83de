using System.Collections.Immutable;
using System.Globalization;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;
using Tapline.Runtime;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// stap's process events on this kernel's tracepoints: `process[(PID|"PATH")].EVENT` for
/// EVENT `begin`, `end`, `thread.begin`, `thread.end`, `syscall` and `syscall.return`. Each is
/// an alias on the unqualified event (scheduler.stp, or raw_syscalls for the system calls, with
/// stap's `$syscall`, `$arg1`..`$arg6` and `$return`) and a test of the process: its pid, or the
/// program it runs by real path (a PATH without '/' is looked up in $PATH, as stap does).
/// `process("PATH").begin` is its exec of PATH; `process.begin` also fires once for each process
/// that runs when the run starts (`process.__existing`). `process("PATH").function("NAME")` and
/// its `.return` are uprobes on the functions of PATH's symbol table; statement, mark and plt
/// points are refused.
/// </summary>
public sealed class ProcessProvider(ITracepointCatalog catalog) : IProbeProvider
{
    private const string Needs = "process(\"PATH\").plt probes, statements named by source line and .function(...).call/.inline need debuginfo, " +
        "which Tapline does not read; process(\"PATH\").function(\"NAME\")[.return], .mark(\"NAME\") and .statement(ADDRESS) are served by uprobes, " +
        "and process[(PID|\"PATH\")].begin, .end, .thread.begin, .thread.end, .syscall and .syscall.return by tracepoints";

    private const string RawEntry = "__syscall_entry";
    private const string RawExit = "__syscall_exit";
    private const string Existing = "__existing";

    private static readonly string[][] Events =
        [["begin"], ["end"], ["thread", "begin"], ["thread", "end"], ["syscall"], ["syscall", "return"]];

    public IReadOnlyCollection<string> Roots { get; } = ["process"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        if (components is [_, { Name: RawEntry or RawExit, Argument: null } raw])
            return RawSyscall(raw.Name == RawExit);
        if (components is [{ Argument: null }, { Name: Existing, Argument: null }])
            return ProbeResolution.Of(new ExistingProcessProbePoint());
        if (components is [{ Argument: StringLiteralSyntax program }, { Name: "function", Argument: StringLiteralSyntax function }, .. var rest]
            && rest is [] or [{ Name: "return", Argument: null }])
            return UprobePoints.Functions(program.Value, function.Value, isReturn: rest.Length == 1);
        if (components is [{ Argument: StringLiteralSyntax markedProgram }, { Name: "mark", Argument: StringLiteralSyntax marker }])
            return UprobePoints.Markers(markedProgram.Value, marker.Value);
        if (components is [{ Argument: StringLiteralSyntax statementProgram }, { Name: "statement", Argument: NumberLiteralSyntax address }])
            return UprobePoints.Statement(statementProgram.Value, address.Value);
        var qualifier = components[0].Argument;
        var tail = components.Skip(1).Select(c => c.Argument is null ? c.Name : "").ToArray();
        if (!Events.Any(e => e.SequenceEqual(tail)))
            return ProbeResolution.Fail(Needs);
        var eventName = string.Join('.', tail);
        return qualifier switch
        {
            null => Unqualified(eventName),
            NumberLiteralSyntax pid => OfProcess(pid.Value, eventName),
            StringLiteralSyntax path => OfProgram(path.Value, eventName),
            _ => ProbeResolution.Fail("process takes a process id or a program's path: process(1234), process(\"/usr/bin/ls\")"),
        };
    }

    /// <summary>`process.syscall[.return]`; the other unqualified events are tapset aliases (scheduler.stp).</summary>
    private static ProbeResolution Unqualified(string eventName) => eventName switch
    {
        "syscall" => Alias($"process.{RawEntry}", "__process_in_target(pid())", "process.syscall"),
        "syscall.return" => Alias($"process.{RawExit}", "__process_in_target(pid())", "process.syscall.return"),
        _ => ProbeResolution.NoMatch,
    };

    private static ProbeResolution OfProcess(long pid, string eventName)
    {
        var number = pid.ToString(CultureInfo.InvariantCulture);
        return Alias(Target(eventName), $"pid() == {number}", $"process({number}).{eventName}");
    }

    private static ProbeResolution OfProgram(string path, string eventName)
    {
        if (Find(path) is not { } program)
            return ProbeResolution.Fail($"no program '{path}' was found (a name without '/' is looked up in $PATH)");
        var literal = StringLiteral.Quote(program);
        var pointText = $"process({literal}).{eventName}";
        return eventName == "begin"
            ? ProbeResolution.AsAlias(
                $"probe __process_event = kernel.trace(\"sched:sched_process_exec\"), process.{Existing} " +
                $"{{ if (!(__process_runs(pid(), {literal}) && __process_in_target(pid()))) next }}",
                pointText)
            : Alias(Target(eventName), $"__process_runs(pid(), {literal})", pointText);
    }

    /// <summary>The unqualified point a qualified one narrows.</summary>
    private static string Target(string eventName) => eventName switch
    {
        "syscall" => $"process.{RawEntry}",
        "syscall.return" => $"process.{RawExit}",
        _ => "process." + eventName,
    };

    private static ProbeResolution Alias(string target, string condition, string pointText) =>
        ProbeResolution.AsAlias($"probe __process_event = {target} {{ if (!({condition})) next }}", pointText);

    /// <summary>raw_syscalls' entry or exit, with stap's names for the call's number and arguments.</summary>
    private ProbeResolution RawSyscall(bool exit)
    {
        var name = new TracepointName("raw_syscalls", exit ? "sys_exit" : "sys_enter");
        if (catalog.Find(name) is not { } format)
            return ProbeResolution.Fail($"process.syscall probes need the tracepoint {name.System}:{name.Name}, which this kernel does not have");
        var added = new List<ContextVariableSymbol> { new("syscall", ScriptType.Long, "long", Field: "id") };
        if (!exit)
            added.AddRange(Enumerable.Range(1, 6).Select(n => new ContextVariableSymbol($"arg{n}", ScriptType.Long, "unsigned long", Field: "args", Element: n - 1)));
        return ProbeResolution.Of(new TracepointProbePoint(format, added));
    }

    /// <summary>The real path of the program <paramref name="path"/> names (a script string), or null.</summary>
    internal static string? Find(string path)
    {
        if (path.Contains('/'))
            return Programs.RealPath(path);
        path = ScriptBytes.ToUnicode(path);
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Programs.RealPath(ScriptBytes.FromUnicode(Path.Combine(d, path))))
            .FirstOrDefault(p => p is not null && File.Exists(ScriptBytes.ToUnicode(p)));
    }
}
