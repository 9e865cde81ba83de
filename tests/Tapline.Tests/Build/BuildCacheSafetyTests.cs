using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Translate;

namespace Tapline.Tests.Build;

/// <summary>
/// The build cache holds code this process runs, as root perhaps: an entry is loaded only when
/// it is a whole assembly that this user owns in a directory nobody else may write; any other
/// entry is one warning and a rebuild, never a hang, a crash or another user's code run.
/// </summary>
public sealed class BuildCacheSafetyTests : IDisposable
{
    private const string Source = """
        namespace Tapline.Modules.Test
        {
            public sealed class Module
            {
                public string Run() => "built from the script";
            }
        }
        """;

    private const string Planted = """
        namespace Tapline.Modules.Test
        {
            public sealed class Module
            {
                public string Run() => "planted";
            }
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("tapline-cache-safety-").FullName;
    private readonly string _cache;

    public BuildCacheSafetyTests()
    {
        _cache = Path.Combine(_root, "cache");
        SecureFileHelpers.MakePrivateDirectory(_cache);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string EntryPath => BuildCache.EntryPath(_cache, BuildCache.KeyOf(Source, ModuleCompiler.Identity));

    private (BuiltModule Module, PassContext Context, ModuleCompiler Compiler) Build()
    {
        var context = new PassContext(TestParser.Options() with { CacheDirectory = _cache });
        var compiler = new ModuleCompiler();
        return (new BuildPass(compiler).Run(new TranslatedModule("test", Source, 1, []), context), context, compiler);
    }

    private static string Invoke(BuiltModule module)
    {
        var type = module.Assembly!.GetType("Tapline.Modules.Test.Module")!;
        return (string)type.GetMethod("Run")!.Invoke(Activator.CreateInstance(type), null)!;
    }

    private static byte[] Compiled(string source) => new ModuleCompiler().Compile("test", source).Bytes;

    /// <summary>Builds with the entry as the test left it: one STP4003 naming the reason, the script's own module, a fresh entry.</summary>
    private void AssertRefusedAndRebuilt(string reason)
    {
        var (module, context, compiler) = Build();
        var warning = Assert.Single(context.Diagnostics);
        Assert.Equal("STP4003", warning.Id);
        Assert.Contains(reason, warning.Message);
        Assert.False(context.Diagnostics.HasErrors);
        Assert.False(module.CacheHit);
        Assert.Equal(1, compiler.Compilations);
        Assert.Equal("built from the script", Invoke(module));
        module.Unload();

        var (again, againContext, _) = Build();
        Assert.Empty(againContext.Diagnostics);
        Assert.True(again.CacheHit);
        again.Unload();
    }

    [RootFact]
    public void Cache_EntryOwnedByAnotherUser_IsNotRunButRebuilt()
    {
        File.WriteAllBytes(EntryPath, Compiled(Planted));
        File.SetUnixFileMode(EntryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        SecureFileHelpers.Chown(EntryPath, RootFactAttribute.Nobody);

        AssertRefusedAndRebuilt("owned by uid 65534");
    }

    [RootFact]
    public void Cache_DirectoryOwnedByAnotherUser_IsNotUsed()
    {
        SecureFileHelpers.Chown(_cache, RootFactAttribute.Nobody);
        File.WriteAllBytes(EntryPath, Compiled(Planted));

        var (module, context, _) = Build();
        var warning = Assert.Single(context.Diagnostics);
        Assert.Equal("STP4002", warning.Id);
        Assert.Contains("owned by uid 65534", warning.Message);
        Assert.Equal("built from the script", Invoke(module));
        Assert.Null(module.AssemblyPath);
        module.Unload();
    }

    [Fact]
    public void Cache_EntryWritableByItsGroup_IsRefused()
    {
        File.WriteAllBytes(EntryPath, Compiled(Planted));
        File.SetUnixFileMode(EntryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite);

        AssertRefusedAndRebuilt("mode 0620");
    }

    [Fact]
    public void Cache_DirectoryWritableByOthers_IsNotUsed()
    {
        File.SetUnixFileMode(_cache, (UnixFileMode)0x1ff);
        File.WriteAllBytes(EntryPath, Compiled(Planted));

        var (module, context, _) = Build();
        Assert.Equal("STP4002", Assert.Single(context.Diagnostics).Id);
        Assert.Equal("built from the script", Invoke(module));
        module.Unload();
    }

    [Fact]
    public void Cache_SymbolicLinkEntry_IsRefused()
    {
        var elsewhere = Path.Combine(_root, "module.dll");
        File.WriteAllBytes(elsewhere, Compiled(Planted));
        File.CreateSymbolicLink(EntryPath, elsewhere);

        AssertRefusedAndRebuilt("symbolic link");
        Assert.Equal(Compiled(Planted), File.ReadAllBytes(elsewhere));
    }

    [Fact]
    public async Task Cache_FifoEntry_IsRefusedWithoutWaiting()
    {
        SecureFileHelpers.MakeFifo(EntryPath);
        var build = Task.Run(() => AssertRefusedAndRebuilt("FIFO"));
        await build.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Cache_DirectoryEntry_IsRefused()
    {
        Directory.CreateDirectory(EntryPath);
        var (module, context, _) = Build();
        Assert.All(context.Diagnostics, d => Assert.False(d.IsError));
        Assert.Contains(context.Diagnostics, d => d.Id == "STP4003" && d.Message.Contains("directory"));
        Assert.Equal("built from the script", Invoke(module));
        module.Unload();
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("scribbled")]
    public void Cache_DamagedEntry_IsAWarningAndARebuild(string damage)
    {
        var good = Compiled(Source);
        var bytes = damage switch
        {
            "empty" => [],
            "garbage" => System.Text.Encoding.ASCII.GetBytes("this is not an assembly"),
            "truncated" => good[..(good.Length / 2)],
            _ => [.. good[..64], .. new byte[good.Length - 64]],
        };
        File.WriteAllBytes(EntryPath, bytes);
        File.SetUnixFileMode(EntryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AssertRefusedAndRebuilt(damage == "empty" ? "empty" : "it is");
    }

    [Fact]
    public void Cache_NewDirectoryAndEntries_AreOwnerOnly()
    {
        var fresh = Path.Combine(_root, "fresh", "tapline");
        var context = new PassContext(TestParser.Options() with { CacheDirectory = fresh });
        var module = new BuildPass().Run(new TranslatedModule("test", Source, 1, []), context);
        module.Unload();

        Assert.Empty(context.Diagnostics);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fresh));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(module.AssemblyPath!));
        Assert.Single(Directory.GetFileSystemEntries(fresh));
    }

    [Fact]
    public void Cache_LinkAtTheOldTemporaryName_IsNotWrittenThrough()
    {
        var victim = Path.Combine(_root, "victim");
        File.WriteAllText(victim, "precious");
        File.CreateSymbolicLink($"{EntryPath}.{Environment.ProcessId}.tmp", victim);

        var (module, context, _) = Build();
        module.Unload();

        Assert.Empty(context.Diagnostics);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.DoesNotContain(Directory.GetFiles(_cache, "*.tmp"), p => !File.GetAttributes(p).HasFlag(FileAttributes.ReparsePoint));
    }
}
