using System.CommandLine;

namespace Tapline.Cli;

/// <summary>
/// Prepares stap-style arguments for System.CommandLine: glued short options
/// (`-p1`, `-Ifoo`) are split, and everything from the first word that is not
/// an option on is handed over after `--` (the script and its arguments), so
/// that a script argument such as `-5` is never taken for an option.
/// </summary>
internal static class CommandLineSplitter
{
    public static string[] Split(IReadOnlyList<string> args, RootCommand command)
    {
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
            result.Add(arg);
        }
        return result.ToArray();
    }
}
