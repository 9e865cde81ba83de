using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Tapline.Tests.Live;

/// <summary>The small C programs under tests/workloads, compiled with gcc once per content.</summary>
internal static class Workloads
{
    private static readonly Lock Gate = new();

    public static bool CompilerAvailable => OnPath("gcc");

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(System.IO.Path.Combine(d, program)));

    /// <summary>The path of the compiled workload <paramref name="name"/> (`failing_open`), built with gcc's <paramref name="flags"/> (-O2 when none).</summary>
    public static string Path(string name, params string[] flags)
    {
        flags = flags.Length == 0 ? ["-O2"] : flags;
        var source = System.IO.Path.Combine(Repository.Root, "tests", "workloads", name + ".c");
        var hash = Convert.ToHexString(SHA256.HashData([.. File.ReadAllBytes(source), .. Encoding.UTF8.GetBytes(string.Join(' ', flags))]))[..16];
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tapline-workloads");
        var binary = System.IO.Path.Combine(directory, $"{name}-{hash}");
        lock (Gate)
        {
            if (File.Exists(binary))
                return binary;
            Directory.CreateDirectory(directory);
            var temporary = binary + $".{Environment.ProcessId}.tmp";
            var (exitCode, output) = Run("gcc", [.. flags, "-o", temporary, source]);
            if (exitCode != 0)
                throw new InvalidOperationException($"gcc failed on {source}:\n{output}");
            File.Move(temporary, binary, overwrite: true);
            return binary;
        }
    }

    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        output.Append(process.StandardOutput.ReadToEnd());
        output.Append(process.StandardError.ReadToEnd());
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
