using System.Globalization;
using System.Text.RegularExpressions;

namespace Tapline.Tests.Metrics;

/// <summary>
/// Checks text against the Prometheus text exposition format (version 0.0.4): metric and
/// label name charsets, label value escaping, sample values, one TYPE line per metric, given
/// before its samples. Returns the problems found, none for valid text.
/// </summary>
internal static partial class ExpositionFormat
{
    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<name>[^{\s]+)(\{(?<labels>.*)\})? (?<value>\S+)( (?<timestamp>-?\d+))?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"\G(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\[\\""n]|[^\\""\n])*)""(,|$)")]
    private static partial Regex Label();

    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static List<string> Problems(string text)
    {
        var problems = new List<string>();
        if (text.Length > 0 && !text.EndsWith('\n'))
            problems.Add("the text does not end with a line feed");
        var typed = new HashSet<string>();
        var sampled = new HashSet<string>();
        foreach (var (line, number) in text.TrimEnd('\n').Split('\n').Select((l, i) => (l, i + 1)))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4 || !MetricName().IsMatch(parts[2]) || !Types.Contains(parts[3]))
                    problems.Add($"line {number}: malformed TYPE line '{line}'");
                else if (!typed.Add(parts[2]))
                    problems.Add($"line {number}: a second TYPE line for {parts[2]}");
                else if (sampled.Contains(parts[2]))
                    problems.Add($"line {number}: the TYPE of {parts[2]} comes after its samples");
            }
            else if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            else if (Sample().Match(line) is { Success: true } sample)
            {
                var name = sample.Groups["name"].Value;
                if (!MetricName().IsMatch(name))
                    problems.Add($"line {number}: '{name}' is not a metric name");
                sampled.Add(name);
                if (sample.Groups["labels"].Success && !LabelsAreValid(sample.Groups["labels"].Value))
                    problems.Add($"line {number}: malformed labels '{sample.Groups["labels"].Value}'");
                if (!IsValue(sample.Groups["value"].Value))
                    problems.Add($"line {number}: '{sample.Groups["value"].Value}' is not a sample value");
            }
            else
            {
                problems.Add($"line {number}: not a sample, a TYPE line or a comment: '{line}'");
            }
        }
        return problems;
    }

    private static bool LabelsAreValid(string labels)
    {
        var position = 0;
        while (position < labels.Length)
        {
            var label = Label().Match(labels, position);
            if (!label.Success)
                return false;
            position += label.Length;
        }
        return true;
    }

    private static bool IsValue(string value) =>
        value is "NaN" or "+Inf" or "-Inf" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
