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

    /// <summary>A /proc file of <paramref name="subject"/> (`process 42`, `task 43`); a run-time error when it has gone.</summary>
    internal static string Read(string path, string subject)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptRuntimeException($"{subject} cannot be read: {e.Message}");
        }
    }
}
