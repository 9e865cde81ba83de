using System.Collections;
using Tapline.Passes.Syntax;

namespace Tapline.Tests.Golden;

/// <summary>Finds every node type in a tree by walking record properties (test use only).</summary>
internal static class SyntaxWalker
{
    public static void Collect(object? value, HashSet<Type> seen)
    {
        switch (value)
        {
            case null or string:
                return;
            case SyntaxNode node:
                seen.Add(node.GetType());
                foreach (var property in node.GetType().GetProperties())
                {
                    if (property.Name is not ("Span" or "Source" or "EqualityContract"))
                        Collect(property.GetValue(node), seen);
                }
                return;
            case IEnumerable items:
                foreach (var item in items)
                    Collect(item, seen);
                return;
        }
    }
}
