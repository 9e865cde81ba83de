using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>
/// `-k`: keeps the files the passes' outputs hold (the module's C# and assembly) in a new
/// temporary directory, as `stap -k` keeps its C and module, and says where.
/// </summary>
public sealed class TemporaryKeeper : IPassObserver
{
    private readonly Lazy<string> _directory = new(() => Directory.CreateTempSubdirectory("tapline-").FullName);

    public string? KeptDirectory => _directory.IsValueCreated ? _directory.Value : null;

    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        if (output is not IArtifactOutput { Artifacts: var artifacts })
            return;
        foreach (var artifact in artifacts)
            File.WriteAllBytes(Path.Combine(_directory.Value, artifact.FileName), artifact.Content.ToArray());
    }
}
