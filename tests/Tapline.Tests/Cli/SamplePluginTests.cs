using System.Diagnostics;

namespace Tapline.Tests.Cli;

/// <summary>examples/plugins/HandlerSizes, built against the packed Tapline packages and run with `--plugin`.</summary>
public sealed class SamplePluginTests : IDisposable
{
    private static readonly string[] PackedLibraries =
        ["grammar/Tapline.Grammar.csproj", "src/Runtime/Tapline.Runtime.csproj", "src/Tracing/Tapline.Tracing.csproj", "src/Passes/Tapline.Passes.csproj"];

    private readonly string _root = Directory.CreateTempSubdirectory("tapline-sample-plugin-").FullName;

    /// <summary>The version this run packs under, so no package of an earlier build is taken from NuGet's cache.</summary>
    private readonly string _version = "0.1.0-test" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Removes the run's directory and the packages its restore put in NuGet's global cache.</summary>
    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var library in PackedLibraries)
        {
            var restored = Path.Combine(cache, Path.GetFileNameWithoutExtension(library).ToLowerInvariant(), _version);
            if (Directory.Exists(restored))
                Directory.Delete(restored, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) Dotnet(params string[] args) =>
        CommandRuns.Child(new ProcessStartInfo("dotnet", args) { WorkingDirectory = Repository.Root });

    [Fact]
    public void TheSamplePlugin_BuildsAgainstThePackages_AndReportsEachHandlersSize()
    {
        var version = _version;
        var packages = Path.Combine(_root, "packages");
        foreach (var library in PackedLibraries)
        {
            var pack = Dotnet("pack", Path.Combine(Repository.Root, library), "--no-build", "-c", "Debug", "-o", packages, $"-p:Version={version}", "--nologo");
            Assert.True(pack.Code == 0, pack.Stdout + pack.Stderr);
        }
        var output = Path.Combine(_root, "plugin");
        var build = Dotnet("build", Path.Combine(Repository.Root, "examples", "plugins", "HandlerSizes"), "-o", output,
            $"-p:TaplineVersion={version}", $"-p:RestoreAdditionalProjectSources={packages}",
            $"-p:BaseIntermediateOutputPath={Path.Combine(_root, "obj")}/", "--nologo");
        Assert.True(build.Code == 0, build.Stdout + build.Stderr);

        var plugin = Path.Combine(output, "HandlerSizes.dll");
        var listed = CommandRuns.InProcess("--plugin", plugin, "--list-passes");
        Assert.Contains("2 handler-sizes: ElaboratedProgram -> ElaboratedProgram", listed.Stdout);
        var run = CommandRuns.InProcess("--plugin", plugin, "-v", "-p2", "-e", "probe begin { println(1); println(2) } probe end { println(3) }");
        Assert.True(run.Code == 0, run.Stderr);
        Assert.Contains("2 handlers, 3 statements, the largest 2 (begin)", run.Stderr);

        var warned = CommandRuns.InProcess("--plugin", plugin, "-D", "HANDLER_SIZE_LIMIT=1", "-p2", "-e", "probe begin { println(1); println(2) } probe end { println(3) }");
        Assert.True(warned.Code == 0, warned.Stderr);
        Assert.Contains("the handler of begin has 2 statements, more than HANDLER_SIZE_LIMIT=1 [HSZ0001]", warned.Stderr);
        Assert.DoesNotContain("the handler of end", warned.Stderr);

        // The same plug-in twice reserves its ids twice: refused, in one line.
        var twice = CommandRuns.InProcess("--plugin", plugin, "--plugin", plugin, "-p2", "-e", "probe begin { }");
        Assert.Equal(1, twice.Code);
        Assert.Equal($"tapline: --plugin: '{plugin}' reserves diagnostics HSZ0001-HSZ0099, which collide with HSZ0001-HSZ0099, reserved by '{plugin}'",
            twice.Stderr.TrimEnd());
    }
}
