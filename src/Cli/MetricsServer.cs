using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tapline.Passes.Run;
using Tapline.Runtime;

namespace Tapline.Cli;

/// <summary>
/// `--prometheus ADDRESS:PORT`: Kestrel serving `GET /metrics` while the script runs, each
/// scrape answered by the run's prometheus probes in the Prometheus text format. Other paths
/// are 404, other methods on /metrics 405, a scrape outside the run 503.
/// </summary>
internal sealed class MetricsServer : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private static readonly TimeSpan ScrapeTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _application;

    private MetricsServer(WebApplication application) => _application = application;

    public static MetricsServer Start(IPEndPoint endpoint, ScrapeQueue scrapes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endpoint));
        var application = builder.Build();
        application.MapMethods("/metrics", [HttpMethods.Get, HttpMethods.Head], context => Scrape(context, scrapes));
        application.StartAsync().GetAwaiter().GetResult();
        return new MetricsServer(application);
    }

    private static async Task Scrape(HttpContext context, ScrapeQueue scrapes)
    {
        string body;
        try
        {
            body = await scrapes.Request().WaitAsync(ScrapeTimeout, context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync(e.Message + "\n");
            return;
        }
        context.Response.ContentType = ContentType;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.Body.WriteAsync(ScriptBytes.ToBytes(body));
    }

    /// <summary>`127.0.0.1:9900`, `[::1]:9900`, or a bare port on the loopback address.</summary>
    public static IPEndPoint? ParseEndpoint(string text)
    {
        if (int.TryParse(text, out var port))
            return port is > 0 and <= 65535 ? new IPEndPoint(IPAddress.Loopback, port) : null;
        return IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port > 0 ? endpoint : null;
    }

    /// <summary>Stops listening and ends the connections; the run has ended by then.</summary>
    public void Dispose()
    {
        _application.StopAsync().GetAwaiter().GetResult();
        _application.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
