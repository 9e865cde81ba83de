using System.CommandLine;

namespace Tapline.Cli;

/// <summary>
/// Prepares stap-style arguments for System.CommandLine: glued short options
/// (`-p1`, `-Ifoo`, `-vvv`) are split, and everything from the first word that is not
/// an option on is handed over after `--` (the script and its arguments), so
/// that a script argument such as `-5` is never taken for an option. A word before
/// the script that looks like an option but is none is an error, never an argument.
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

        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--" || !arg.StartsWith('-') || arg == "-")
            {
                result.Add("--");
                result.AddRange(args.Skip(arg == "--" ? i + 1 : i));
                break;
            }
            if (withValue.Contains(arg))
            {
                result.Add(arg);
                if (i + 1 < args.Count)
                    result.Add(args[++i]);
                continue;
            }
            var glued = arg.Length > 2 && !arg.StartsWith("--", StringComparison.Ordinal) && withValue.Contains(arg[..2]);
            if (glued && !known.Contains(arg))
            {
                result.Add(arg[..2]);
                result.Add(arg[2..]);
                continue;
            }
            if (arg.Length > 2 && arg.All(c => c is '-' or 'v') && arg[1] == 'v')
            {
                result.AddRange(Enumerable.Repeat("-v", arg.Length - 1));
                continue;
            }
            if (!known.Contains(arg.Split('=', 2)[0]))
            {
                unknown ??= arg;
                continue;
            }
            result.Add(arg);
        }
        return result.ToArray();
    }
}
