using System.Collections.Frozen;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;

namespace Tapline.Passes.Translate;

/// <summary>
/// The last part of a module's namespace (`Tapline.Modules.NAME`): the module name made an
/// identifier, and, when that is a C# keyword or the name of a type the generated code uses
/// unqualified (`Statistic`, `Printf`, `String`...), which the namespace would hide, with
/// `_module` after it. So `new.stp`, `int.stp` or `Printf.stp` build as any other script does.
/// </summary>
internal static class ModuleNamespace
{
    private static readonly FrozenSet<string> TypeNames = FindTypeNames();

    public static string Of(string moduleName)
    {
        var identifier = CSharpText.Identifier(moduleName);
        var taken = SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
            || TypeNames.Contains(identifier)
            || identifier is "Tapline" or "System";
        return taken ? identifier + "_module" : identifier;
    }

    /// <summary>Every public type name of the namespaces the module imports: System, System.Collections.Generic, Tapline.Runtime.</summary>
    private static FrozenSet<string> FindTypeNames()
    {
        string[] imported = ["System", "System.Collections.Generic", "Tapline.Runtime"];
        Assembly[] assemblies = [typeof(object).Assembly, typeof(List<>).Assembly, typeof(Queue<>).Assembly, typeof(Runtime.Printf).Assembly];
        return assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => imported.Contains(type.Namespace))
            .Select(type => type.Name.Split('`')[0])
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
