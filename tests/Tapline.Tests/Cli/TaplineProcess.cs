using System.Diagnostics;

namespace Tapline.Tests.Cli;

/// <summary>The built `tapline` command in a process of its own, for what only a real process shows: descriptors, pipes, signals.</summary>
internal static class TaplineProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "tapline.dll");

    /// <summary>Starts tapline through /bin/sh, so the test can give it a redirection (`&gt;/dev/full`, `&gt;&amp;-`, `| head -1`).</summary>
    public static Process StartInShell(string shellTail, params string[] args) => StartInShell(shellTail, new Dictionary<string, string>(), args);

    private static Process StartInShell(string shellTail, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var words = string.Join(' ', new[] { "dotnet", "exec", Dll }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec {words} {shellTail}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "tapline-test-cache");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    public static Process Start(params string[] args) => StartInShell("", args);

    public static Outcome Run(string shellTail, params string[] args) => Run(new Dictionary<string, string>(), shellTail, args);

    public static Outcome Run(IReadOnlyDictionary<string, string> environment, string shellTail, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = StartInShell(shellTail, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"tapline {string.Join(' ', args)} {shellTail} did not end within 60 s");
        }
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    public static void Signal(Process process, string signal) =>
        Assert.Equal(0, Live.Workloads.Run("kill", $"-{signal}", process.Id.ToString()).ExitCode);

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
