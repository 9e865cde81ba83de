using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Tapline.Passes.Build;

/// <summary>
/// Compiles a probe module's C# with Roslyn, in memory, against only the assemblies a module
/// needs: the framework's core ones and the Tapline runtime library.
/// </summary>
public sealed class ModuleCompiler
{
    private static readonly string[] FrameworkAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq",
        "System.Text.RegularExpressions", "System.Console", "netstandard",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(FindReferences);

    /// <summary>Identifies what a module is compiled with, for the build cache's key.</summary>
    public static string Identity { get; } =
        $"roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}; runtime {typeof(Runtime.Printf).Assembly.ManifestModule.ModuleVersionId}";

    /// <summary>How many compilations this process ran: a cache hit runs none.</summary>
    public int Compilations { get; private set; }

    /// <param name="extra">Assemblies beyond the runtime library that embedded code may call.</param>
    public ModuleImage Compile(string moduleName, string source, CancellationToken cancellation = default, ModuleReferences? extra = null)
    {
        Compilations++;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: moduleName + ".cs", encoding: System.Text.Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            moduleName,
            [tree],
            References.Value.AddRange((extra ?? ModuleReferences.None).Assemblies.Select(a => MetadataReference.CreateFromFile(a.Location))),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true,
                nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        // An embedded PDB carries the #line map, so a run-time error's stack names the script line.
        var result = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded), cancellationToken: cancellation);
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => new ModuleCompileError(d.Id, d.GetMessage(), Describe(d.Location)))
            .ToImmutableArray();
        return new ModuleImage(result.Success ? image.ToArray() : [], errors);
    }

    /// <summary>Where an error is: the script position a `#line` directive maps it to, else the generated file's.</summary>
    private static string Describe(Location location)
    {
        var span = location.GetMappedLineSpan();
        return span.IsValid ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}" : "";
    }

    private static ImmutableArray<MetadataReference> FindReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator)
            .Where(path => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(path)));
        return [.. platform.Append(typeof(Runtime.Printf).Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path))];
    }
}

/// <summary>A compiled module's bytes, or the errors that stopped it.</summary>
public sealed record ModuleImage(byte[] Bytes, ImmutableArray<ModuleCompileError> Errors)
{
    public bool Succeeded => Errors.IsEmpty;
}

/// <param name="Location">`file:line:col`, mapped through `#line` to the script where pass 3 gave one.</param>
public sealed record ModuleCompileError(string Id, string Message, string Location);
