using System.Globalization;
using System.Text;

namespace Tapline.Compare;

/// <summary>The comparison as a Markdown table: per-pass medians of both forms, their ratio, and the sizes.</summary>
internal static class PassTable
{
    public static readonly string[] PassNames = ["pass 0 (set-up)", "pass 1 (parse)", "pass 2 (elaborate)", "pass 3 (translate)", "pass 4 (build)"];

    public static string Format(IReadOnlyList<FormResult> forms, int runs)
    {
        var (all, any) = (forms[0], forms[1]);
        var text = new StringBuilder();
        text.AppendLine($"| median of {runs} fresh processes, -p4 --disable-cache | {all.Script} | {any.Script} | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        for (var pass = 0; pass < PassNames.Length; pass++)
            text.AppendLine(Row(PassNames[pass], all.PassMs[pass], any.PassMs[pass], " ms"));
        text.AppendLine(Row("whole process", all.ProcessMs, any.ProcessMs, " ms"));
        text.AppendLine(Row("probes", all.Probes, any.Probes, ""));
        text.AppendLine(Row("C# (bytes)", all.CSharpBytes, any.CSharpBytes, ""));
        text.AppendLine(Row("assembly (bytes)", all.AssemblyBytes, any.AssemblyBytes, ""));
        return text.ToString();
    }

    private static string Row(string what, double first, double second, string unit) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {first:0}{unit} | {second:0}{unit} | {(second > 0 ? first / second : 0):0.0}x |");
}
