using System.Net;
using System.Net.Sockets;

namespace Tapline.Tests.Metrics;

/// <summary>`--prometheus`: Kestrel serving the run's `probe prometheus` output, without tracepoints (no privileges needed).</summary>
public sealed class MetricsServerTests
{
    /// <summary>Ticks every 20 ms; dumps a two-key array whose text key needs escaping; ends itself after three scrapes.</summary>
    private const string Script = """
        global ticks, seen, scrapes
        probe timer.ms(20) { ticks++; seen["a\"b\\c\nd", ticks % 3]++; if (scrapes >= 3) exit() }
        probe prometheus {
          $value .= "# TYPE tapline_ticks counter\ntapline_ticks " . sprint(ticks) . "\n"
          @prometheus_dump_array2(seen, "tapline_seen", "name", "rest")
          scrapes++
        }
        probe end { println("end") }
        """;

    [Fact]
    public async Task Metrics_are_served_in_the_exposition_format_with_the_right_content_type()
    {
        using var endpoint = MetricsEndpoint.Start("-T", "120", "-e", Script);
        await endpoint.FirstScrape(); // may come before the first tick
        await Task.Delay(200);
        var response = await endpoint.Client.GetAsync(endpoint.Url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Empty(ExpositionFormat.Problems(body));
        Assert.Matches(@"^# TYPE tapline_ticks counter\ntapline_ticks \d+\ntapline_seen\{", body);
        Assert.Contains("tapline_seen{name=\"a\\\"b\\\\c\\nd\",rest=\"1\"} ", body);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await endpoint.Client.PostAsync(endpoint.Url, new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await endpoint.Client.GetAsync($"http://127.0.0.1:{endpoint.Port}/other")).StatusCode);
        await endpoint.Client.GetAsync(endpoint.Url); // the third scrape: the script ends itself

        Assert.Equal(0, await endpoint.Run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("end\n", endpoint.Stdout);
        await Assert.ThrowsAsync<HttpRequestException>(() => endpoint.Client.GetAsync(endpoint.Url)); // stopped with the run
    }

    [Fact]
    public async Task Each_scrape_sees_the_globals_between_two_handlers_never_in_between()
    {
        var script = """
            global a, b, scrapes
            probe timer.ms(1) { a++; b++ }
            probe prometheus { $value .= sprintf("# TYPE gap gauge\ngap %d\n", a - b); scrapes++ }
            probe timer.ms(10) { if (scrapes >= 20) exit() }
            """;
        using var endpoint = MetricsEndpoint.Start("-T", "120", "-e", script);
        await endpoint.FirstScrape();
        var seen = 0;
        for (var i = 0; i < 25 && !endpoint.Run.IsCompleted; i++)
        {
            HttpResponseMessage response;
            try
            {
                response = await endpoint.Client.GetAsync(endpoint.Url);
            }
            catch (HttpRequestException)
            {
                break; // the script ended itself after its twentieth scrape
            }
            if (response.StatusCode != HttpStatusCode.OK)
                continue;
            Assert.Equal("# TYPE gap gauge\ngap 0\n", await response.Content.ReadAsStringAsync());
            seen++;
        }
        Assert.True(seen >= 10, $"only {seen} scrapes were answered");
        Assert.Equal(0, await endpoint.Run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_taken_port_is_a_one_line_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var stderr = new StringWriter();

        var code = Tapline.Cli.TaplineCommand.Run(["--prometheus", $"127.0.0.1:{port}", "-e", "probe begin { exit() }"], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.StartsWith($"tapline: cannot serve --prometheus on 127.0.0.1:{port}: ", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Theory]
    [InlineData("localhost:x")]
    [InlineData("70000")]
    [InlineData("1.2.3.4")]
    public void A_bad_address_is_refused(string address)
    {
        var stderr = new StringWriter();
        var code = Tapline.Cli.TaplineCommand.Run(["--prometheus", address, "-e", "probe begin { exit() }"], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Equal($"tapline: --prometheus takes ADDRESS:PORT or PORT, not '{address}'\n", stderr.ToString());
    }

    [Fact]
    public async Task Many_clients_scraping_a_slow_probe_never_hold_the_run_past_its_time()
    {
        // Each scrape costs tens of milliseconds; twenty clients ask again as soon as answered.
        var script = """
            global ticks
            probe timer.ms(10) { ticks++ }
            probe prometheus { for (i = 0; i < 300000; i++) { } $value .= sprintf("# TYPE ticks gauge\nticks %d\n", ticks) }
            probe end { printf("ticks %d\n", ticks) }
            """;
        using var endpoint = MetricsEndpoint.Start("-T", "3", "-D", "MAXACTION=100000000", "-e", script);
        await endpoint.FirstScrape();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var answered = 0;
            while (!stop.IsCancellationRequested && !endpoint.Run.IsCompleted)
            {
                try
                {
                    if ((await endpoint.Client.GetAsync(endpoint.Url, stop.Token)).StatusCode == HttpStatusCode.OK)
                        answered++;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
            }
            return answered;
        })).ToList();

        var exitCode = await endpoint.Run.WaitAsync(TimeSpan.FromSeconds(60));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        var answered = (await Task.WhenAll(clients)).Sum();

        Assert.Equal(0, exitCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(6), $"-T 3 ended after {elapsed.TotalSeconds:F1} s under scraping");
        Assert.True(answered > 0);
        var ticks = int.Parse(System.Text.RegularExpressions.Regex.Match(endpoint.Stdout, @"ticks (\d+)").Groups[1].Value);
        Assert.True(ticks >= 100, $"only {ticks} of about 300 ticks ran while scrapes were served ({answered} answered)");
    }
}
