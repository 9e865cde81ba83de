using System.Net;
using System.Net.Sockets;
using Tapline.Cli;

namespace Tapline.Tests.Metrics;

/// <summary>`tapline --prometheus` run in this process on a free loopback port, and an HTTP client for it.</summary>
internal sealed class MetricsEndpoint : IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private MetricsEndpoint(int port, string[] args)
    {
        Port = port;
        Run = Task.Run(() => TaplineCommand.Run(["--disable-cache", "--prometheus", $"127.0.0.1:{port}", .. args], _stdout, _stderr));
    }

    public int Port { get; }

    public Task<int> Run { get; }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public string Url => $"http://127.0.0.1:{Port}/metrics";

    public string Stdout => Run.IsCompleted ? _stdout.ToString() : throw new InvalidOperationException("the run has not ended");

    public string Stderr => Run.IsCompleted ? _stderr.ToString() : throw new InvalidOperationException("the run has not ended");

    public static MetricsEndpoint Start(params string[] args) => new(FreePort(), args);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first successful scrape, once the run serves them (passes 1 to 4 come first).</summary>
    public async Task<HttpResponseMessage> FirstScrape()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !Run.IsCompleted)
        {
            try
            {
                var response = await Client.GetAsync(Url);
                if (response.StatusCode == HttpStatusCode.OK)
                    return response;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"no scrape succeeded; the run {(Run.IsCompleted ? $"ended with {Run.Result}: {_stderr}" : "is still going")}");
    }

    public void Dispose() => Client.Dispose();
}
