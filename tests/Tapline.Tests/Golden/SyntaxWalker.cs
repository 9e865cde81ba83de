using System.Collections;
using Tapline.Passes.Syntax;

namespace Tapline.Tests.Golden;

/// <summary>Every node of a syntax tree, found by reflection so that a new node type needs no code here.</summary>
internal static class SyntaxWalker
{
    public static void Collect(object? value, HashSet<Type> seen)
    {
        foreach (var node in All(value))
            seen.Add(node.GetType());
    }

    public static IEnumerable<SyntaxNode> All(object? value)
    {
        switch (value)
        {
            case null or string:
                yield break;
            case SyntaxNode node:
                yield return node;
                foreach (var property in node.GetType().GetProperties())
                {
                    if (property.Name is "Span" or "Source" or "EqualityContract")
                        continue;
                    foreach (var inner in All(property.GetValue(node)))
                        yield return inner;
                }
                yield break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var inner in All(item))
                        yield return inner;
                }
                yield break;
        }
    }
}
