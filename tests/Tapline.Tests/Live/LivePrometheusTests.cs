using System.Text.RegularExpressions;
using Tapline.Tests.Metrics;

namespace Tapline.Tests.Live;

/// <summary>The seed's errno.stp served over `--prometheus` while it traces the live system.</summary>
[Collection(LiveCollection.Name)]
public sealed class LivePrometheusTests
{
    [LiveKernelFact]
    public async Task Errno_serves_the_error_counts_of_a_command_as_valid_exposition_text()
    {
        const int failures = 2000;
        var command = $"{Workloads.Path("failing_open")} {failures} /nonexistent/tapline-prometheus; sleep 3";
        using var endpoint = MetricsEndpoint.Start("-T", "60", "-c", command, Path.Combine(Repository.Examples, "errno_any.stp"));
        await endpoint.FirstScrape();

        var line = new Regex(@$"^count\{{pid=""\d+"",errno=""-2"",name=""openat""\}} {failures}$", RegexOptions.Multiline);
        string body;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            body = await endpoint.Client.GetStringAsync(endpoint.Url);
        }
        while (!line.IsMatch(body) && DateTime.UtcNow < deadline && !endpoint.Run.IsCompleted);

        Assert.Matches(line, body);
        Assert.Empty(ExpositionFormat.Problems(body));
        Assert.DoesNotContain("# TYPE", body); // stap's dump macros write samples only
        Assert.Equal(0, await endpoint.Run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }
}
