using System.Diagnostics;

namespace Tapline.Tests.Cli;

/// <summary>`dotnet pack` makes `tapline` a .NET tool that installs and runs from any directory.</summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tapline-pack-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Stdout, string Stderr) Execute(string program, string workingDirectory, params string[] args) =>
        CommandRuns.Child(new ProcessStartInfo(program, args) { WorkingDirectory = workingDirectory });

    [Fact]
    public void TheToolPackage_Installs_AndRunsFromAnotherDirectoryWithItsTapsets()
    {
        var packages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var project = Path.Combine(Repository.Root, "src", "Cli", "Tapline.Cli.csproj");

        // The test's own build of the command is packed as it is (Debug, already built).
        var pack = Execute("dotnet", Repository.Root, "pack", project, "--no-build", "-c", "Debug", "-o", packages, "--nologo");
        Assert.True(pack.Code == 0, pack.Stdout + pack.Stderr);
        var install = Execute("dotnet", elsewhere, "tool", "install", "--tool-path", tools, "--add-source", packages, "tapline");
        Assert.True(install.Code == 0, install.Stdout + install.Stderr);

        var run = Execute(Path.Combine(tools, "tapline"), elsewhere, "--disable-cache", "-e", "probe begin { println(text_str(\"tab\\there\")); exit() }");
        Assert.True(run.Code == 0, run.Stderr);
        Assert.Equal("tab\\there\n", run.Stdout);
    }
}
