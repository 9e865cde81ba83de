using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tapline.Cli;

/// <summary>The `tapline` command line: stap's options wherever their meaning carries over.</summary>
internal static class TaplineCommand
{
    private static readonly Option<int?> Pass = new("-p")
    {
        Description = "Stop after pass NUM (1 parse, 2 elaborate, 3 translate, 4 build, 5 run) and print its output",
        HelpName = "NUM",
    };

    private static readonly Option<bool[]> Verbose = new("-v")
    {
        Description = "Report each pass's time and sizes on stderr (repeatable)",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> Script = new("-e")
    {
        Description = "Run the script given on the command line; all other words are script arguments",
        HelpName = "SCRIPT",
    };

    private static readonly Option<string[]> Include = new("-I")
    {
        Description = "Add a tapset library directory, searched before the default library",
        HelpName = "DIR",
    };

    private static readonly Option<string[]> Define = new("-D")
    {
        Description = "Set a run-time limit such as MAXMAPENTRIES or MAXERRORS",
        HelpName = "NAME=VALUE",
    };

    private static readonly Option<string?> Output = new("-o")
    {
        Description = "Write the output to FILE instead of standard output",
        HelpName = "FILE",
    };

    private static readonly Option<bool> Guru = new("-g")
    {
        Description = "Guru mode: allow embedded %{ C# %} code",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> KeepUnused = new("-u")
    {
        Description = "Unoptimized: keep unused functions, globals and side-effect-free code",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> Catalog = new("--catalog")
    {
        Description = "Read tracepoints from this catalog snapshot directory instead of the running kernel's tracefs",
        HelpName = "DIR",
    };

    private static readonly Option<string?> List = new("-l")
    {
        Description = "List the probe points matching PROBE, then stop",
        HelpName = "PROBE",
    };

    private static readonly Option<string?> ListWithVariables = new("-L")
    {
        Description = "List the probe points matching PROBE with their variables and types, then stop",
        HelpName = "PROBE",
    };

    private static readonly Option<string?> Module = new("-m")
    {
        Description = "Name the probe module NAME (default: the script's file name)",
        HelpName = "NAME",
    };

    private static readonly Option<bool> Keep = new("-k")
    {
        Description = "Keep the module's C# and assembly in a temporary directory, and say where",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> DisableCache = new("--disable-cache")
    {
        Description = "Build without reading or writing the build cache",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> PoisonCache = new("--poison-cache")
    {
        Description = "Build anew and overwrite what the build cache holds",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> Dump = new("--dump")
    {
        Description = "Write every pass's output to DIR, as SCRIPT.pN.EXT",
        HelpName = "DIR",
    };

    private static readonly Option<double?> Timeout = new("-T")
    {
        Description = "End the run after SECONDS (of the recording's time with --input)",
        HelpName = "SECONDS",
    };

    private static readonly Option<string?> Command = new("-c")
    {
        Description = "Start CMD once the probes are attached, make its pid target(), and end the run when it exits",
        HelpName = "CMD",
    };

    private static readonly Option<int?> TargetPid = new("-x")
    {
        Description = "Make PID what target() returns",
        HelpName = "PID",
    };

    private static readonly Option<int?> BufferSize = new("-s")
    {
        Description = "Give each CPU's event ring MB megabytes (default 4)",
        HelpName = "MB",
    };

    private static readonly Option<string?> Input = new("--input")
    {
        Description = "Replay a perf.data recording (perf record -e TRACEPOINT... -a) instead of tracing the live system",
        HelpName = "FILE",
    };

    private static readonly Option<string?> Report = new("--report")
    {
        Description = "Write a JSON report of the run to FILE: each pass's wall and CPU time, allocations, output sizes and counts",
        HelpName = "FILE",
    };

    private static readonly Option<bool> TimePasses = new("--time-passes")
    {
        Description = "Print 'SCRIPT pass0 pass1 pass2 pass3 pass4' in milliseconds on stderr, as stap_time files hold it",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> Prometheus = new("--prometheus")
    {
        Description = "Serve the script's `probe prometheus` output at http://ADDRESS:PORT/metrics while it runs (a bare PORT: loopback)",
        HelpName = "ADDRESS:PORT",
    };

    private static readonly Option<string[]> SetGlobal = new("-G")
    {
        Description = "Give the script's global NAME the initial VALUE (a number, or else a string)",
        HelpName = "NAME=VALUE",
    };

    private static readonly Option<bool> NoWarnings = new("-w")
    {
        Description = "Suppress warnings",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> WarningsAsErrors = new("-W")
    {
        Description = "Treat warnings as errors",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> Quiet = new("-q")
    {
        Description = "Quiet: suppress warnings, the translator's and the run's",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> ProbeTiming = new("-t")
    {
        Description = "Time each probe handler and print stap's probe hit report at the end",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> Compatible = new("--compatible")
    {
        Description = "Read the script as SystemTap VERSION would (what systemtap_v compares with)",
        HelpName = "VERSION",
    };

    private static readonly Option<bool> SkipBadVars = new("--skip-badvars")
    {
        Description = "Give 0 for context variables the probe point does not have, instead of an error",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> LateUserReads = new("--late-user-reads")
    {
        Description = "Read user memory that cannot be copied while the event fires afterwards, and say so (it may have changed)",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<bool> SuppressHandlerErrors = new("--suppress-handler-errors")
    {
        Description = "A run-time error ends its handler silently, uncounted",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> Passes = new("--passes")
    {
        Description = "Run this chain of passes, in this order (of parse, elaborate, optimize, translate, build, run)",
        HelpName = "NAME,NAME,...",
    };

    private static readonly Option<bool> ListPasses = new("--list-passes")
    {
        Description = "Print the chain of passes, each with the form it takes and gives, and exit",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Option<string?> PrintAfter = new("--print-after")
    {
        Description = "Print the output of the pass NAME (as -p prints its pass's)",
        HelpName = "NAME",
    };

    private static readonly Option<string[]> Plugin = new("--plugin")
    {
        Description = "Load a plug-in assembly: its ITaplinePlugin classes add passes, probe families and tapsets (repeatable)",
        HelpName = "ASSEMBLY",
    };

    private static readonly Option<string?>[] ResourceLimitOptions = [.. Tracing.Processes.ResourceLimits.Resources.Keys.Select(name =>
        new Option<string?>("--rlimit-" + name) { Description = $"Limit this process's {name} (setrlimit), before the passes run", HelpName = "NUM" })];

    private static readonly Argument<string[]> ScriptAndArguments = new("script")
    {
        Description = "The script file ('-' for standard input), then its arguments ($1 @1 ... $#)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Include.AllowMultipleArgumentsPerToken = false;
        var root = new RootCommand("Tapline: SystemTap's five passes (parse, elaborate, translate, build, run) in C#")
        {
            Pass, Verbose, Script, Include, Define, Output, Guru, KeepUnused, Catalog, List, ListWithVariables, Module,
            Keep, DisableCache, PoisonCache, Dump, Timeout, Command, TargetPid, BufferSize, Input, Report, TimePasses, Prometheus,
            SetGlobal, NoWarnings, WarningsAsErrors, Quiet, ProbeTiming, Compatible, SkipBadVars, SuppressHandlerErrors, LateUserReads,
            Passes, ListPasses, PrintAfter, Plugin, ScriptAndArguments,
        };
        foreach (var option in ResourceLimitOptions.Concat(RefusedOptions.Options()))
            root.Options.Add(option);
        // stap's -V prints the version, as --version does.
        foreach (var version in root.Options.OfType<VersionOption>())
            version.Aliases.Add("-V");
        root.SetAction(result =>
        {
            var settings = Read(result, started);
            if (settings.Chain.ListPasses)
                return new RunScriptCommand(stdout, stderr).ListPasses(settings);
            return settings.ListPattern is not null
                ? new ListCommand(stdout, stderr).Execute(settings)
                : new RunScriptCommand(stdout, stderr).Execute(settings);
        });
        var split = CommandLineSplitter.Split(args, root, out var unknown);
        if (unknown is not null)
            return Refuse(stderr, $"unknown option '{unknown}' (tapline -h lists the options)");
        // A word starting with @ is a script (`-e @define ...`) or an argument, never a response file.
        var parsed = root.Parse(split, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
            return Refuse(stderr, Describe(parsed.Errors[0].Message));
        if (RefusedOptions.FirstGiven(parsed) is { } refused)
            return Refuse(stderr, refused);
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static int Refuse(TextWriter stderr, string message)
    {
        stderr.WriteLine($"tapline: {message}");
        return 1;
    }

    /// <summary>System.CommandLine's message in the command's words: `-x takes a number, not 'abc'` for a value of the wrong type.</summary>
    private static string Describe(string message)
    {
        var wrongType = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(.*)' for option '(.*)' as expected type");
        return wrongType.Success ? $"{wrongType.Groups[2].Value} takes a number, not '{wrongType.Groups[1].Value}'" : message;
    }

    private static CommandLineSettings Read(ParseResult result, long started) => new(
        result.GetValue(Pass),
        result.Tokens.Count(t => t.Type == TokenType.Option && t.Value == "-v"),
        result.GetValue(Script),
        [.. result.GetValue(ScriptAndArguments) ?? []],
        [.. result.GetValue(Include) ?? []],
        [.. result.GetValue(Define) ?? []],
        result.GetValue(Output),
        result.GetValue(Dump),
        result.GetValue(Guru),
        result.GetValue(KeepUnused),
        result.GetValue(Catalog),
        result.GetValue(ListWithVariables) ?? result.GetValue(List),
        result.GetValue(ListWithVariables) is not null,
        result.GetValue(Module),
        result.GetValue(DisableCache),
        result.GetValue(PoisonCache),
        result.GetValue(Keep),
        new RunSettings(result.GetValue(Timeout), result.GetValue(Command), result.GetValue(TargetPid), result.GetValue(BufferSize), result.GetValue(Input), result.GetValue(Prometheus))
        {
            ProbeTiming = result.GetValue(ProbeTiming),
            SuppressHandlerErrors = result.GetValue(SuppressHandlerErrors),
            LateUserReads = result.GetValue(LateUserReads),
        },
        new MeasureSettings(result.GetValue(Report), result.GetValue(TimePasses), started))
    {
        Language = new LanguageSettings([.. result.GetValue(SetGlobal) ?? []], result.GetValue(Compatible), result.GetValue(SkipBadVars)),
        Warnings = new WarningSettings(result.GetValue(NoWarnings) || result.GetValue(Quiet), result.GetValue(WarningsAsErrors), result.GetValue(Quiet)),
        Chain = new ChainSettings(
            result.GetValue(Passes) is { } chain ? [.. chain.Split(',', StringSplitOptions.TrimEntries)] : null,
            result.GetValue(ListPasses),
            result.GetValue(PrintAfter))
        {
            Plugins = [.. result.GetValue(Plugin) ?? []],
        },
        ResourceLimits = [.. ResourceLimitOptions
            .Where(option => result.GetValue(option) is not null)
            .Select(option => KeyValuePair.Create(option.Name["--rlimit-".Length..], result.GetValue(option)!))],
    };
}
