using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tapline.Cli;

namespace Tapline.Tests.Cli;

/// <summary>`--report FILE` and `--time-passes`: the per-pass numbers, their schema, and that they agree with `-v`.</summary>
public sealed class ReportTests : IDisposable
{
    private static readonly string Snapshot = Path.Combine(Repository.Tapsets, "catalog");
    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Code, string Stderr, JsonElement Report) RunWithReport(params string[] args)
    {
        var path = Path.Combine(_directory, "r.json");
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(["--catalog", Snapshot, "--disable-cache", "--report", path, .. args], new StringWriter(), stderr);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return (code, stderr.ToString(), document.RootElement.Clone());
    }

    [Fact]
    public void The_report_has_every_field_for_every_pass()
    {
        var (code, _, report) = RunWithReport("-p4", Path.Combine(Repository.Examples, "errno_any.stp"));

        Assert.Equal(0, code);
        Assert.Equal(1, report.GetProperty("schema").GetInt32());
        Assert.Equal("tapline", report.GetProperty("tool").GetString());
        Assert.StartsWith("0.", report.GetProperty("version").GetString());
        Assert.EndsWith("errno_any.stp", report.GetProperty("script").GetString());
        Assert.True(report.GetProperty("succeeded").GetBoolean());
        var machine = report.GetProperty("machine");
        foreach (var field in new[] { "hostName", "operatingSystem", "kernelRelease", "architecture", "runtime" })
            Assert.False(string.IsNullOrEmpty(machine.GetProperty(field).GetString()), field);
        Assert.True(machine.GetProperty("processors").GetInt32() > 0);
        Assert.True(machine.GetProperty("memoryBytes").GetInt64() > 0);
        Assert.True(report.GetProperty("setupMs").GetDouble() >= 0);

        var passes = report.GetProperty("passes").EnumerateArray().ToList();
        Assert.Equal(["1 parse", "2 elaborate", "2 optimize", "3 translate", "4 build"],
            passes.Select(p => $"{p.GetProperty("number").GetInt32()} {p.GetProperty("name").GetString()}"));
        foreach (var pass in passes)
        {
            Assert.True(pass.GetProperty("wallMs").GetDouble() > 0);
            Assert.True(pass.GetProperty("cpuMs").GetDouble() >= 0);
            Assert.True(pass.GetProperty("allocatedBytes").GetInt64() > 0);
            Assert.True(pass.GetProperty("outputSize").GetInt64() > 0);
            Assert.False(string.IsNullOrEmpty(pass.GetProperty("outputUnit").GetString()));
            Assert.False(string.IsNullOrEmpty(pass.GetProperty("summary").GetString()));
        }
        var libraryFiles = Directory.EnumerateFiles(Repository.Tapsets).Count(f => f.EndsWith(".stp", StringComparison.Ordinal) || f.EndsWith(".stpm", StringComparison.Ordinal));
        Assert.Equal(1 + libraryFiles, Count(passes[0], "files"));
        Assert.Equal(3, Count(passes[1], "probes"));
        Assert.Equal(3, Count(passes[3], "handlers"));
        Assert.True(Count(passes[3], "bytes of C#") > 1000);
        Assert.True(Count(passes[4], "bytes of assembly") > 1000);
        Assert.Equal(0, Count(passes[4], "cache hits"));
    }

    [Fact]
    public void Pass_times_add_up_to_the_pipelines_total_within_five_percent()
    {
        var (_, _, report) = RunWithReport("-p4", Path.Combine(Repository.Examples, "errno.stp"));

        var total = report.GetProperty("pipelineMs").GetDouble();
        var sum = report.GetProperty("passes").EnumerateArray().Sum(p => p.GetProperty("wallMs").GetDouble());
        Assert.InRange(sum, total * 0.95, total * 1.05);
    }

    [Fact]
    public void Verbose_lines_and_the_time_passes_line_agree_with_the_report()
    {
        var (_, stderr, report) = RunWithReport("-v", "--time-passes", "-p3", Path.Combine(Repository.Examples, "errno_any.stp"));
        var passes = report.GetProperty("passes").EnumerateArray().ToList();
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        for (var i = 0; i < passes.Count; i++)
        {
            var pass = passes[i];
            var ms = (long)Math.Round(pass.GetProperty("wallMs").GetDouble());
            var counts = string.Join(", ", pass.GetProperty("counts").EnumerateObject().Select(c => $"{c.Value.GetInt64()} {c.Name}"));
            Assert.EndsWith($": {pass.GetProperty("summary").GetString()}: {counts} in {ms} ms", lines[i]);
        }
        var timeLine = lines[^1];
        Assert.Matches(new Regex(@"^errno_any\.stp \d+ \d+ \d+ \d+$"), timeLine);
        var columns = timeLine.Split(' ')[1..].Select(c => long.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal((long)Math.Round(report.GetProperty("setupMs").GetDouble()), columns[0]);
        Assert.Equal((long)Math.Round(passes[0].GetProperty("wallMs").GetDouble()), columns[1]);
        Assert.InRange(columns[2], (long)(passes[1].GetProperty("wallMs").GetDouble() + passes[2].GetProperty("wallMs").GetDouble()) - 1,
            (long)(passes[1].GetProperty("wallMs").GetDouble() + passes[2].GetProperty("wallMs").GetDouble()) + 1);
    }

    [Fact]
    public void An_unwritable_report_is_a_one_line_error()
    {
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(["--catalog", Snapshot, "--report", "/nonexistent/dir/r.json", "-p1", "-e", "probe begin { }"], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.StartsWith("tapline: cannot write the report '/nonexistent/dir/r.json': ", stderr.ToString());
    }

    private static long Count(JsonElement pass, string unit) => pass.GetProperty("counts").GetProperty(unit).GetInt64();
}
