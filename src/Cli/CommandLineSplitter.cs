using System.CommandLine;

namespace Tapline.Cli;

/// <summary>
/// Reads stap-style arguments as getopt_long does and hands them to System.CommandLine in
/// one order: options first, then `--`, then the script and its arguments. Options may stand
/// anywhere, also after the script name; `--` ends them. Short options cluster (`-gv`, `-vvv`)
/// and take their value glued or as the next word (`-p1`, `-p 1`); long ones take `--name=value`
/// or `--name value`. A word that looks like an option but is none is an error, never a script argument.
/// </summary>
internal static class CommandLineSplitter
{
    /// <summary>The arguments for System.CommandLine; <paramref name="unknown"/> is the first unknown option, or null.</summary>
    public static string[] Split(IReadOnlyList<string> args, RootCommand command, out string? unknown)
    {
        unknown = null;
        var withValue = command.Options
            .Where(o => o.Arity.MaximumNumberOfValues > 0)
            .SelectMany(o => o.Aliases.Append(o.Name))
            .ToHashSet(StringComparer.Ordinal);
        var known = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);

        var options = new List<string>();
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg == "-" || !arg.StartsWith('-'))
            {
                positionals.Add(arg);
                continue;
            }
            var next = i + 1 < args.Count ? args[i + 1] : null;
            var used = arg.StartsWith("--", StringComparison.Ordinal)
                ? ReadLong(arg, next, known, withValue, options)
                : ReadShort(arg, next, known, withValue, options);
            if (used < 0)
                unknown ??= arg;
            else
                i += used;
        }
        options.Add("--");
        options.AddRange(positionals);
        return options.ToArray();
    }

    /// <summary>`--name`, `--name=value` or `--name value`: how many more words it used, or -1 when the name is unknown.</summary>
    private static int ReadLong(string arg, string? next, HashSet<string> known, HashSet<string> withValue, List<string> options)
    {
        var parts = arg.Split('=', 2);
        if (!known.Contains(parts[0]))
            return -1;
        options.Add(parts[0]);
        if (!withValue.Contains(parts[0]))
            return 0;
        if (parts.Length == 2)
        {
            options.Add(parts[1]);
            return 0;
        }
        if (next is null)
            return 0;
        options.Add(next);
        return 1;
    }

    /// <summary>`-g`, `-gv`, `-p1`, `-p 1`: how many more words it used, or -1 when a letter is no option.</summary>
    private static int ReadShort(string arg, string? next, HashSet<string> known, HashSet<string> withValue, List<string> options)
    {
        for (var j = 1; j < arg.Length; j++)
        {
            var option = "-" + arg[j];
            if (!known.Contains(option))
                return -1;
            options.Add(option);
            if (!withValue.Contains(option))
                continue;
            if (j + 1 < arg.Length)
            {
                options.Add(arg[(j + 1)..]);
                return 0;
            }
            if (next is null)
                return 0;
            options.Add(next);
            return 1;
        }
        return 0;
    }
}
