using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>
/// Writes every pass's printed output to a directory, as NAME.pN.EXT (NAME.pN-pass.EXT for
/// a pass inserted beside a numbered one). Each file is written to a temporary name and
/// renamed, so an interrupted run leaves no half-written file.
/// </summary>
public sealed class PassDumper(string directory, string baseName) : IPassObserver
{
    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        Directory.CreateDirectory(directory);
        var suffix = pass.Name == PassNames.ForNumber(pass.Number) ? $"p{pass.Number}" : $"p{pass.Number}-{pass.Name}";
        var path = Path.Combine(directory, $"{baseName}.{suffix}.{output.FileExtension}");
        var temporary = path + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temporary))
                output.PrintDetailed(writer);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
