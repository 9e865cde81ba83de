using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Translate;

namespace Tapline.Passes.Observers;

/// <summary>
/// `-k`: keeps the module's C# and assembly in a new temporary directory, as `stap -k`
/// keeps its C and module, and says where.
/// </summary>
public sealed class TemporaryKeeper : IPassObserver
{
    private readonly Lazy<string> _directory = new(() => Directory.CreateTempSubdirectory("tapline-").FullName);

    public string? KeptDirectory => _directory.IsValueCreated ? _directory.Value : null;

    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        switch (output)
        {
            case TranslatedModule module:
                File.WriteAllText(Path.Combine(_directory.Value, module.ModuleName + ".cs"), module.Source);
                break;
            case BuiltModule { Image.Length: > 0 } module:
                File.WriteAllBytes(Path.Combine(_directory.Value, module.ModuleName + ".dll"), module.Image);
                break;
        }
    }
}
