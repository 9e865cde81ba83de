using System.Diagnostics;
using Tapline.Cli;

namespace Tapline.Tests.Cli;

/// <summary>The two ways the command tests run things: `tapline` in this process, and any program as a child.</summary>
internal static class CommandRuns
{
    private static readonly string Snapshot = Path.Combine(Repository.Tapsets, "catalog");

    /// <summary>The `tapline` command in this process, on the catalog snapshot.</summary>
    public static (int Code, string Stdout, string Stderr) InProcess(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(["--catalog", Snapshot, .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A child process to its end, with what it wrote on each stream.</summary>
    public static (int Code, string Stdout, string Stderr) Child(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
