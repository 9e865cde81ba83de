using System.Text;

namespace Tapline.Runtime;

/// <summary>The Prometheus text exposition format's rules.</summary>
public static class Prometheus
{
    /// <summary>A label value as the format requires: backslash, double quote and line feed escaped.</summary>
    public static string EscapeLabelValue(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => escaped.Append("\\\\"),
                '"' => escaped.Append("\\\""),
                '\n' => escaped.Append("\\n"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
