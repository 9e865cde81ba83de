using System.Diagnostics;
using System.Text.Json;

namespace Tapline.Compare;

/// <summary>One cold run of the built command (artifacts/tapline, made by ./tapline) with `--report`.</summary>
internal sealed record FreshRun(double ProcessMs, double[] PassMs, long CSharpBytes, long AssemblyBytes, long Probes)
{
    /// <summary>Pass 0 (set-up) to pass 4, in milliseconds; pass 2 includes the optimize pass.</summary>
    public const int Passes = 5;

    public static FreshRun Measure(string script)
    {
        var report = Path.Combine(Path.GetTempPath(), $"tapline-compare-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(Repository.Root, "artifacts", "tapline", "tapline.dll"), "--disable-cache", "--report", report, "-p4",
             Path.Combine(Repository.Root, "examples", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"tapline failed on {script}: {errors}");
        }
        var processMs = clock.Elapsed.TotalMilliseconds;
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        File.Delete(report);
        return FromReport(document.RootElement, processMs);
    }

    private static FreshRun FromReport(JsonElement report, double processMs)
    {
        var passMs = new double[Passes];
        passMs[0] = report.GetProperty("setupMs").GetDouble();
        long csharp = 0, assembly = 0, probes = 0;
        foreach (var pass in report.GetProperty("passes").EnumerateArray())
        {
            var number = pass.GetProperty("number").GetInt32();
            passMs[number] += pass.GetProperty("wallMs").GetDouble();
            var counts = pass.GetProperty("counts");
            if (counts.TryGetProperty("bytes of C#", out var bytes))
                csharp = bytes.GetInt64();
            if (counts.TryGetProperty("bytes of assembly", out var image))
                assembly = image.GetInt64();
            if (number == 2 && counts.TryGetProperty("probes", out var count))
                probes = count.GetInt64();
        }
        return new FreshRun(processMs, passMs, csharp, assembly, probes);
    }
}

/// <summary>The medians of one form's runs.</summary>
internal sealed record FormResult(string Script, double ProcessMs, double[] PassMs, long CSharpBytes, long AssemblyBytes, long Probes)
{
    public static FormResult Of(string script, IReadOnlyList<FreshRun> runs) => new(
        script,
        Median(runs.Select(r => r.ProcessMs)),
        Enumerable.Range(0, FreshRun.Passes).Select(p => Median(runs.Select(r => r.PassMs[p]))).ToArray(),
        runs[0].CSharpBytes,
        runs[0].AssemblyBytes,
        runs[0].Probes);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
