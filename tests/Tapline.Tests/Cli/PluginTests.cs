using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tapline.Tests.Cli;

/// <summary>`--plugin ASSEMBLY`: a plug-in built outside Tapline's sources adds a pass and a probe family.</summary>
public sealed class PluginTests : IDisposable
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Tapline.Passes.Elaborate;
        using Tapline.Passes.Pipeline;
        using Tapline.Passes.Plugins;
        using Tapline.Passes.Syntax;

        public sealed class CountingPlugin : ITaplinePlugin
        {
            public void Register(PluginRegistration registration) =>
                registration.InsertPassAfter("optimize", new CountProbesPass()).AddProbeFamily(new HeartbeatFamily());
        }

        /// <summary>Says in its summary how many probes it saw, and hands the program on unchanged.</summary>
        public sealed class CountProbesPass : IPass<ElaboratedProgram, ElaboratedProgram>
        {
            public PassInfo Info { get; } = new(2, "count-probes");

            public ElaboratedProgram Run(ElaboratedProgram input, PassContext context) =>
                input with { Summary = $"counted {input.Probes.Length} probes" };
        }

        /// <summary>`heartbeat`: a probe family of its own, served as an alias on a timer.</summary>
        public sealed class HeartbeatFamily : IProbeProvider
        {
            public IReadOnlyCollection<string> Roots { get; } = ["heartbeat"];

            public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components) =>
                ProbeResolution.AsAlias("probe __heartbeat = timer.ms(10) { }", "heartbeat");
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-plugin-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Compiles the plug-in against the Tapline assemblies beside the tests, as a researcher's project would.</summary>
    private string BuildPlugin(string source)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(Path.Combine(AppContext.BaseDirectory, "Tapline.Passes.dll"))
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("CountingPlugin", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_directory, "CountingPlugin.dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    [Fact]
    public void APluginPass_TakesItsPlaceInTheChain_AndIsReportedLikeTheOthers()
    {
        var plugin = BuildPlugin(Source);

        var listed = CommandRuns.InProcess("--plugin", plugin, "--list-passes");
        Assert.Contains("2 optimize: ElaboratedProgram -> ElaboratedProgram\n2 count-probes: ElaboratedProgram -> ElaboratedProgram\n3 translate", listed.Stdout);

        var run = CommandRuns.InProcess("--plugin", plugin, "-v", "-p2", "-e", "probe begin { } probe end { }");
        Assert.Equal(0, run.Code);
        Assert.Contains("counted 2 probes", run.Stderr);
    }

    [Fact]
    public void APluginFamily_ResolvesItsOwnPoints()
    {
        var run = CommandRuns.InProcess("--plugin", BuildPlugin(Source), "-p3", "-e", "probe heartbeat { }");

        Assert.True(run.Code == 0, run.Stderr);
        // A 10 ms timer, named as the family names it.
        Assert.Matches(@"// TimerAttachment \{ PeriodNanoseconds = 10000000, SpreadNanoseconds = 0 \}\s+new\(""heartbeat"", Probe0", run.Stdout);
    }

    [Theory]
    [InlineData("STP", 5000, 5001, "reserves diagnostics STP5000-STP5001, which collide with STP1000-STP5999, Tapline's own")]
    [InlineData("hsz", 1, 2, "a diagnostic prefix is 1 to 8 capital letters, not 'hsz'")]
    [InlineData("HSZ", 5, 1, "a diagnostic range runs from one four-digit number to a larger one, not 5 to 1")]
    public void APluginsDiagnosticIds_MustBeItsOwnAndWellFormed(string prefix, int first, int last, string message)
    {
        var source = $"using Tapline.Passes.Plugins; public sealed class Ids : ITaplinePlugin {{ public void Register(PluginRegistration r) => r.ReserveDiagnostics(\"{prefix}\", {first}, {last}); }}";
        var run = CommandRuns.InProcess("--plugin", BuildPlugin(source), "-p2", "-e", "probe begin { }");

        Assert.Equal(1, run.Code);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("public sealed class NotAPlugin { }", "has no public class that implements ITaplinePlugin")]
    [InlineData("using Tapline.Passes.Plugins; public sealed class Broken : ITaplinePlugin { public void Register(PluginRegistration r) => throw new System.InvalidOperationException(\"no\"); }",
        "Broken in '")]
    public void APluginThatCannotRegister_IsRefusedWithTheReason(string source, string message)
    {
        var run = CommandRuns.InProcess("--plugin", BuildPlugin(source), "-p2", "-e", "probe begin { }");

        Assert.Equal(1, run.Code);
        Assert.Contains(message, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void APluginsAssembly_IsCallableFromEmbeddedCode_OnceItIsRegistered()
    {
        const string Plugin = """
            using Tapline.Passes.Plugins;

            public sealed class Greeting : ITaplinePlugin
            {
                public void Register(PluginRegistration registration) => registration.AddModuleReference(typeof(Greeting).Assembly);

                public static string Hello() => "hello from the plug-in";
            }
            """;
        const string Script = "function hello:string () %{ return global::Greeting.Hello(); %} probe begin { println(hello()); exit() }";
        var plugin = BuildPlugin(Plugin);

        var run = CommandRuns.InProcess("--plugin", plugin, "-g", "--disable-cache", "-e", Script);
        Assert.True(run.Code == 0, run.Stderr);
        Assert.Equal("hello from the plug-in\n", run.Stdout);

        // Without the plug-in the module does not know the type: a compile error, not a crash.
        var without = CommandRuns.InProcess("-g", "--disable-cache", "-p4", "-e", Script);
        Assert.Equal(1, without.Code);
        Assert.Contains("Greeting", without.Stderr);
    }

    [Fact]
    public void AMissingPluginOrAPassInNoPlace_IsRefused()
    {
        var missing = CommandRuns.InProcess("--plugin", Path.Combine(_directory, "none.dll"), "-p2", "-e", "probe begin { }");
        Assert.Equal(1, missing.Code);
        Assert.Contains("--plugin: cannot load", missing.Stderr);

        var misplaced = BuildPlugin(Source.Replace("InsertPassAfter(\"optimize\"", "InsertPassAfter(\"parse\""));
        var broken = CommandRuns.InProcess("--plugin", misplaced, "--list-passes");
        Assert.Equal(1, broken.Code);
        Assert.Contains("--plugin: pass 'count-probes' takes ElaboratedProgram, but 'parse' gives ParsedProgram", broken.Stderr);
    }
}
