namespace Tapline.Runtime;

/// <summary>What /proc says of a process: its name and its command line (a run-time error when it has gone).</summary>
public static class Processes
{
    public static string Name(long pid) => Read($"/proc/{pid}/comm", $"process {pid}").TrimEnd('\n');

    /// <summary>The words of /proc/PID/cmdline.</summary>
    public static string[] CommandLine(long pid) => Read($"/proc/{pid}/cmdline", $"process {pid}").TrimEnd('\0').Split('\0');

    /// <summary>`cmdline_arg(n)`: word n (0 is the program), "" past the last.</summary>
    public static string CommandLineArgument(long pid, long n)
    {
        var words = CommandLine(pid);
        return n >= 0 && n < words.Length ? words[n] : "";
    }

    /// <summary>`cmdline_args(n, m, delim)`: words n to m (-1: to the last), joined by delim.</summary>
    public static string CommandLineArguments(long pid, long first, long last, string delimiter)
    {
        var words = CommandLine(pid);
        var end = last < 0 || last >= words.Length ? words.Length - 1 : last;
        return first < 0 || first > end ? "" : string.Join(delimiter, words[(int)first..((int)end + 1)]);
    }

    /// <summary>`sid()`: the session of process <paramref name="pid"/> (/proc/PID/stat's sixth field).</summary>
    public static long Session(long pid) => StatField(pid, 6);

    /// <summary>`pgrp()`: the process group of process <paramref name="pid"/> (/proc/PID/stat's fifth field).</summary>
    public static long ProcessGroup(long pid) => StatField(pid, 5);

    /// <summary>The user Tapline runs as, for `is_myproc()`.</summary>
    public static long OwnUid { get; } = long.Parse(
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))["Uid:".Length..]
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>`env_var(name)`: the variable in process <paramref name="pid"/>'s environment, "" when it has none.</summary>
    public static string EnvironmentVariable(long pid, string name)
    {
        var prefix = name + "=";
        var entry = Read($"/proc/{pid}/environ", $"process {pid}").Split('\0').FirstOrDefault(e => e.StartsWith(prefix, StringComparison.Ordinal));
        return entry is null ? "" : entry[prefix.Length..];
    }

    private static long StatField(long pid, int field) =>
        long.Parse(FieldOfStat(Read($"/proc/{pid}/stat", $"process {pid}"), field), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Field <paramref name="field"/> (counted from 1, past the first two) of a /proc stat file's text: the name in parentheses may hold spaces.</summary>
    internal static string FieldOfStat(string stat, int field) =>
        field <= 2 ? throw new ArgumentOutOfRangeException(nameof(field)) : stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[field - 3];

    /// <summary>A /proc file of <paramref name="subject"/> (`process 42`, `task 43`); a run-time error when it has gone.</summary>
    internal static string Read(string path, string subject)
    {
        try
        {
            return ScriptBytes.ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptRuntimeException($"{subject} cannot be read: {e.Message}");
        }
    }
}
