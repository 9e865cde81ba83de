using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tapline.Tracing.Catalog;

/// <summary>Reads a tracepoint format file (tracefs `events/SYSTEM/NAME/format`, or a snapshot block).</summary>
public static partial class FormatParser
{
    [GeneratedRegex(@"^\s*field:(?<declaration>[^;]+);\s*offset:(?<offset>\d+);\s*size:(?<size>\d+);\s*signed:(?<signed>\d+);")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(?<type>.*?)\s*\b(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(\[(?<length>[^\]]*)\])?$")]
    private static partial Regex Declaration();

    /// <summary>Parses one format; returns null when the text is not a tracepoint format.</summary>
    public static TracepointFormat? Parse(string system, string text)
    {
        string? name = null;
        int? id = null;
        var fields = ImmutableArray.CreateBuilder<TracepointField>();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("name: ", StringComparison.Ordinal))
                name = line[6..].Trim();
            else if (line.StartsWith("ID: ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(4), CultureInfo.InvariantCulture, out var value))
                id = value;
            else if (FieldLine().Match(line) is { Success: true } match && ParseField(match) is { } field)
                fields.Add(field);
        }
        return name is null || id is null ? null : new TracepointFormat(system, name, id.Value, fields.ToImmutable());
    }

    private static TracepointField? ParseField(Match line)
    {
        var original = line.Groups["declaration"].Value.Trim();
        var declaration = original;
        var isDataLocation = declaration.StartsWith("__data_loc ", StringComparison.Ordinal);
        if (isDataLocation)
            declaration = declaration["__data_loc ".Length..].Trim();
        var offset = int.Parse(line.Groups["offset"].Value, CultureInfo.InvariantCulture);
        var size = int.Parse(line.Groups["size"].Value, CultureInfo.InvariantCulture);
        var signed = line.Groups["signed"].Value != "0";

        // `__data_loc char[] name`: the brackets come before the name.
        if (isDataLocation && declaration.Contains("[]", StringComparison.Ordinal))
        {
            var parts = declaration.Split("[]", 2);
            return new TracepointField(original, parts[1].Trim(), parts[0].Trim(), offset, size, signed, 0, true);
        }
        var match = Declaration().Match(declaration);
        if (!match.Success)
            return null;
        int? length = null;
        if (match.Groups["length"].Success)
            length = int.TryParse(match.Groups["length"].Value, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new TracepointField(original, match.Groups["name"].Value, match.Groups["type"].Value.Trim(), offset, size, signed, length, isDataLocation);
    }

    /// <summary>Writes a format back in the kernel's own layout (name, ID, the field lines).</summary>
    public static string Write(TracepointFormat format)
    {
        var text = new System.Text.StringBuilder();
        text.Append("name: ").Append(format.Name).Append('\n');
        text.Append("ID: ").Append(format.Id.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("format:\n");
        foreach (var field in format.Fields)
        {
            text.Append("\tfield:").Append(field.Declaration).Append(";\toffset:").Append(field.Offset)
                .Append(";\tsize:").Append(field.Size).Append(";\tsigned:").Append(field.IsSigned ? 1 : 0).Append(";\n");
        }
        return text.ToString();
    }
}
