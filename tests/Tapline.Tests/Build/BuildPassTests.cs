using System.Runtime.CompilerServices;
using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Translate;

namespace Tapline.Tests.Build;

/// <summary>Pass 4 on hand-written module sources: Roslyn, the build cache, the collectible context.</summary>
public sealed class BuildPassTests : IDisposable
{
    private const string Source = """
        namespace Tapline.Modules.Test
        {
            public sealed class Module
            {
                public string Run() => Tapline.Runtime.Printf.Format("%d-%s", 42L, "x");
            }
        }
        """;

    private readonly string _cache = Directory.CreateTempSubdirectory("tapline-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private PassContext Context(bool disableCache = false, bool poisonCache = false, string? cacheDirectory = null) =>
        new(TestParser.Options() with { CacheDirectory = cacheDirectory ?? _cache, DisableCache = disableCache, PoisonCache = poisonCache });

    private static string Invoke(BuiltModule module)
    {
        var type = module.Assembly!.GetType("Tapline.Modules.Test.Module")!;
        return (string)type.GetMethod("Run")!.Invoke(Activator.CreateInstance(type), null)!;
    }

    [Fact]
    public void Build_CompilesAgainstTheRuntimeAndLoads()
    {
        var module = new BuildPass().Run(new TranslatedModule("test", Source, 1, []), Context());
        Assert.Equal("42-x", Invoke(module));
        Assert.False(module.CacheHit);
        Assert.True(File.Exists(module.AssemblyPath));
        Assert.StartsWith(_cache, module.AssemblyPath);
        Assert.Equal(new FileInfo(module.AssemblyPath!).Length, module.AssemblyBytes);
        module.Unload();
    }

    [Fact]
    public void Build_UnchangedSource_IsACacheHitWithoutRoslyn()
    {
        var compiler = new ModuleCompiler();
        var pass = new BuildPass(compiler);
        pass.Run(new TranslatedModule("test", Source, 1, []), Context()).Unload();
        var second = pass.Run(new TranslatedModule("test", Source, 1, []), Context());

        Assert.True(second.CacheHit);
        Assert.Equal(1, compiler.Compilations);
        Assert.Equal("42-x", Invoke(second));
        second.Unload();
    }

    [Fact]
    public void Build_PoisonedCache_CompilesAgain()
    {
        var compiler = new ModuleCompiler();
        var pass = new BuildPass(compiler);
        pass.Run(new TranslatedModule("test", Source, 1, []), Context()).Unload();
        var again = pass.Run(new TranslatedModule("test", Source, 1, []), Context(poisonCache: true));

        Assert.False(again.CacheHit);
        Assert.Equal(2, compiler.Compilations);
        again.Unload();
    }

    [Fact]
    public void Build_DisabledCache_WritesNothing()
    {
        var module = new BuildPass().Run(new TranslatedModule("test", Source, 1, []), Context(disableCache: true));
        Assert.Null(module.AssemblyPath);
        Assert.Empty(Directory.GetFiles(_cache));
        Assert.Equal("42-x", Invoke(module));
        module.Unload();
    }

    [Fact]
    public void Build_ErrorInGeneratedCode_IsReportedAtTheScriptPosition()
    {
        const string broken = """
            public sealed class Module
            {
            #line 12 "errno.stp"
                public long Run() => undefinedName;
            }
            """;
        var context = Context();
        var module = new BuildPass().Run(new TranslatedModule("test", broken, 1, []), context);

        Assert.Null(module.Assembly);
        var error = Assert.Single(context.Diagnostics);
        Assert.Equal("STP4001", error.Id);
        Assert.StartsWith("errno.stp:12:", error.Message);
        Assert.Contains("CS0103", error.Message);
        Assert.Empty(Directory.GetFiles(_cache));
    }

    [Fact]
    public void Build_UnusableCache_WarnsAndStillBuilds()
    {
        var notADirectory = Path.Combine(_cache, "file");
        File.WriteAllText(notADirectory, "");
        var context = Context(cacheDirectory: notADirectory);
        var module = new BuildPass().Run(new TranslatedModule("test", Source, 1, []), context);

        Assert.Equal("STP4002", Assert.Single(context.Diagnostics).Id);
        Assert.False(context.Diagnostics.HasErrors);
        Assert.Equal("42-x", Invoke(module));
        module.Unload();
    }

    [Fact]
    public void Unload_CollectsTheModule()
    {
        var context = LoadAndUnload();
        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive, "the module's load context was not collected after Unload");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference LoadAndUnload()
    {
        var module = new BuildPass().Run(new TranslatedModule("test", Source, 1, []), Context(disableCache: true));
        Assert.Equal("42-x", Invoke(module));
        var reference = new WeakReference(module.LoadContext);
        module.Unload();
        return reference;
    }
}
