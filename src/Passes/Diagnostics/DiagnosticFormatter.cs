using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>Writes diagnostics as `file:line:col: error: message`, then the source line and a caret.</summary>
public static class DiagnosticFormatter
{
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            Write(writer, diagnostic);
    }

    public static void Write(TextWriter writer, Diagnostic diagnostic)
    {
        writer.WriteLine(diagnostic.ToString());
        if (diagnostic.Location is not { } location || location.Source.Length == 0)
            return;

        var lineIndex = location.Source.GetLineIndex(location.Start);
        var line = location.Source.GetLine(lineIndex);
        var column = location.Column - 1;
        writer.WriteLine("    " + line.Replace('\t', ' '));
        var width = Math.Clamp(location.Length, 1, Math.Max(1, line.Length - column));
        writer.WriteLine("    " + new string(' ', Math.Min(column, line.Length)) + "^" + new string('~', width - 1));
    }
}
