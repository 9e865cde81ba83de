namespace Tapline.Tests.Metrics;

/// <summary>
/// A fact that needs Debian's `prometheus` server (/usr/bin/prometheus). Without it the test
/// reports itself skipped with the reason, except under CI, whose .ci/run installs the package.
/// </summary>
public sealed class PrometheusServerFactAttribute : FactAttribute
{
    public const string ServerPath = "/usr/bin/prometheus";

    public PrometheusServerFactAttribute()
    {
        var underCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (!File.Exists(ServerPath) && !underCi)
            Skip = "Debian's prometheus package is not installed (apt-get install prometheus; .ci/run installs it)";
    }
}
