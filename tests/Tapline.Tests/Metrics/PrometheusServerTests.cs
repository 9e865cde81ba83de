using System.Diagnostics;
using System.Text.Json;

namespace Tapline.Tests.Metrics;

/// <summary>A real Prometheus server on loopback scrapes `tapline --prometheus`, and its query API returns the series.</summary>
public sealed class PrometheusServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-prometheus-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [PrometheusServerFact]
    public async Task Prometheus_scrapes_the_script_and_answers_queries_for_its_series()
    {
        var script = """
            global ticks, scrapes
            probe timer.ms(50) { ticks++; if (scrapes >= 4) exit() }
            probe prometheus { $value .= "# TYPE tapline_ticks counter\ntapline_ticks " . sprint(ticks) . "\n"; scrapes++ }
            """;
        using var endpoint = MetricsEndpoint.Start("-T", "120", "-e", script);
        var serverPort = MetricsEndpoint.FreePort();
        using var server = StartServer(endpoint.Port, serverPort);
        try
        {
            await endpoint.FirstScrape();
            var series = await QueryUntilFound(endpoint, serverPort, "last_over_time(tapline_ticks[5m])");

            Assert.Equal("tapline", series.GetProperty("metric").GetProperty("job").GetString());
            Assert.Equal($"127.0.0.1:{endpoint.Port}", series.GetProperty("metric").GetProperty("instance").GetString());
            // The value is the ticks at the latest scrape: 0 when Prometheus scraped before the first tick.
            Assert.True(double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
            Assert.Equal(0, await endpoint.Run.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }
    }

    private Process StartServer(int taplinePort, int serverPort)
    {
        var config = Path.Combine(_directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: tapline
                static_configs:
                  - targets: ['127.0.0.1:{taplinePort}']
            """);
        var start = new ProcessStartInfo(PrometheusServerFactAttribute.ServerPath,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_directory, "data")}", $"--web.listen-address=127.0.0.1:{serverPort}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    /// <summary>Asks the query API until the query returns a series (Prometheus needs a scrape or two first).</summary>
    private static async Task<JsonElement> QueryUntilFound(MetricsEndpoint endpoint, int serverPort, string query)
    {
        var url = $"http://127.0.0.1:{serverPort}/api/v1/query?query={Uri.EscapeDataString(query)}";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var document = JsonDocument.Parse(await endpoint.Client.GetStringAsync(url));
                var result = document.RootElement.GetProperty("data").GetProperty("result");
                if (document.RootElement.GetProperty("status").GetString() == "success" && result.GetArrayLength() > 0)
                    return result[0].Clone();
            }
            catch (HttpRequestException)
            {
                // the server is still starting
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Prometheus returned no series for {query} within a minute");
    }
}
