using System.Collections.Immutable;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>The files of the tapset library directories: `.stpm` macro files and `.stp` scripts, in path order.</summary>
internal sealed record TapsetFiles(ImmutableArray<SourceText> MacroFiles, ImmutableArray<SourceText> ScriptFiles)
{
    public static TapsetFiles Find(IEnumerable<string> directories, DiagnosticBag diagnostics)
    {
        var macroFiles = ImmutableArray.CreateBuilder<SourceText>();
        var scriptFiles = ImmutableArray.CreateBuilder<SourceText>();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                diagnostics.ReportCannotReadFile(directory, "no such tapset directory");
                continue;
            }
            var paths = Directory.EnumerateFiles(directory, "*.stp*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var target = path.EndsWith(".stpm", StringComparison.Ordinal) ? macroFiles
                    : path.EndsWith(".stp", StringComparison.Ordinal) ? scriptFiles
                    : null;
                if (target is null)
                    continue;
                try
                {
                    target.Add(SourceText.FromFile(path));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.ReportCannotReadFile(path, e.Message);
                }
            }
        }
        return new TapsetFiles(macroFiles.ToImmutable(), scriptFiles.ToImmutable());
    }
}
