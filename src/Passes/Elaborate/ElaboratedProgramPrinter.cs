using Tapline.Passes.Binding;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// The `-p2` listing, in stap's order: globals with their types, then functions, then each
/// probe with its concrete point, the alias chain it came from and its locals with types;
/// <paramref name="withBodies"/> (`-p2 -v`, as stap's) adds each function's and probe's body.
/// </summary>
public static class ElaboratedProgramPrinter
{
    public static void Print(ElaboratedProgram program, TextWriter writer, bool withBodies)
    {
        writer.WriteLine("# globals");
        foreach (var global in program.Globals.OrderBy(g => g.Name, StringComparer.Ordinal))
            writer.WriteLine(global.ToString());
        writer.WriteLine("# functions");
        foreach (var function in program.Functions.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            writer.WriteLine(function.ToString() + (function.Symbol.IsEmbedded ? " %{ %}" : ""));
            if (function.Locals.Length > 0)
                writer.WriteLine("  locals: " + string.Join(", ", function.Locals.OrderBy(l => l.Name, StringComparer.Ordinal)));
            if (withBodies && !function.Symbol.IsEmbedded && function.Body is { } body)
                writer.Write(BoundTreePrinter.Print(body));
        }
        writer.WriteLine("# probes");
        foreach (var probe in program.Probes)
        {
            writer.Write(probe.Point.Text);
            var origins = probe.Origins.Skip(1).ToList();
            if (origins.Count > 0)
                writer.Write(" /* <- " + string.Join(" <- ", origins) + " */");
            writer.WriteLine();
            if (probe.Condition is not null)
                writer.WriteLine("  if: " + Syntax.SyntaxPrinter.Print((Syntax.ExpressionSyntax)probe.Condition.Syntax));
            if (probe.Locals.Length > 0)
                writer.WriteLine("  locals: " + string.Join(", ", probe.Locals.OrderBy(l => l.Name, StringComparer.Ordinal)));
            if (withBodies)
                writer.Write(BoundTreePrinter.Print(probe.Body));
        }
    }
}
