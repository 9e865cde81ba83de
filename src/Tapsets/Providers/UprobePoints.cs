using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;
using Tapline.Runtime;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// The uprobe points of `process("PATH")`: `.function("NAME")[.return]` on the functions of the
/// file's symbol table, `.mark("NAME")` on its SDT markers, `.statement(ADDRESS)` at an address.
/// Names take `*` and `?` wildcards.
/// </summary>
internal static class UprobePoints
{
    /// <summary>`process("PATH").function("NAME")[.return]`: a uprobe on each function of PATH that NAME (with `*` and `?` wildcards) matches.</summary>
    public static ProbeResolution Functions(string path, string pattern, bool isReturn) =>
        FromFile(path, "the functions", Tracing.Elf.ElfFunctions.Read, (program, symbols) => Functions(program, symbols, pattern, isReturn));

    private static ProbeResolution Functions(string program, Tracing.Elf.ElfSymbols symbols, string pattern, bool isReturn)
    {
        var matcher = Wildcard(pattern);
        var literal = StringLiteral.Quote(program);
        var matched = symbols.Functions.Where(f => matcher.IsMatch(f.Name)).ToList();
        // A wildcard leaves out what uprobes cannot probe, as stap leaves out what it cannot place; a name is refused.
        if (!pattern.Contains('*') && !pattern.Contains('?') && matched is [{ CanBeProbed: false } locked])
            return ProbeResolution.Fail($"function {locked.Name} of '{program}' cannot be probed: its first instruction has a lock prefix, which uprobes do not step over");
        var points = matched.Where(f => f.CanBeProbed).Select(f => (ResolvedProbePoint)new UprobeProbePoint(
            $"process({literal}).function(\"{f.Name}\"){(isReturn ? ".return" : "")}",
            new UprobeAttachment(ScriptBytes.ToUnicode(program), f.FileOffset, f.Name, isReturn))).ToList();
        if (points.Count > 0)
            return ProbeResolution.Of(points);
        var stripped = symbols.Stripped
            ? " (the file is stripped: only the functions it exports are known, and Tapline reads no separate debuginfo)"
            : "";
        return ProbeResolution.Fail($"no function of '{program}' matches '{pattern}'{stripped}");
    }

    /// <summary>`process("PATH").statement(ADDRESS)`: a uprobe at an address of PATH (as its symbol table and `objdump -d` give them).</summary>
    public static ProbeResolution Statement(string path, long address) =>
        FromFile(path, "the segments", file => Tracing.Elf.ElfFunctions.FileOffsetOf(file, (ulong)address), (program, offset) => Statement(program, address, offset));

    private static ProbeResolution Statement(string program, long address, ulong? offset)
    {
        if (offset is null)
            return ProbeResolution.Fail($"no segment of '{program}' maps address 0x{address:x}");
        var hex = $"0x{address:x}";
        return ProbeResolution.Of(new UprobeProbePoint($"process({StringLiteral.Quote(program)}).statement({hex})",
            new UprobeAttachment(ScriptBytes.ToUnicode(program), offset.Value, hex, IsReturn: false)));
    }

    /// <summary>`process("PATH").mark("NAME")`: a uprobe on each SDT marker of PATH that NAME (wildcards; `-` for `__`) matches.</summary>
    public static ProbeResolution Markers(string path, string pattern) =>
        FromFile(path, "the markers", Tracing.Elf.SdtNotes.Read, (program, markers) => Markers(program, markers, pattern));

    private static ProbeResolution Markers(string program, IReadOnlyList<Tracing.Elf.SdtMarker> markers, string pattern)
    {
        var matcher = Wildcard(pattern.Replace("__", "-"));
        var literal = StringLiteral.Quote(program);
        var points = new List<ResolvedProbePoint>();
        foreach (var marker in markers.Where(m => matcher.IsMatch(m.Name.Replace("__", "-"))))
        {
            if (MarkerArguments(marker) is not { } arguments)
                return ProbeResolution.Fail($"marker {marker.Name} of '{program}' passes an argument in a register Tapline does not know: " +
                    string.Join(' ', marker.Arguments.Select(a => a.Spec)));
            points.Add(new UprobeProbePoint($"process({literal}).mark(\"{marker.Name}\")",
                new UprobeAttachment(ScriptBytes.ToUnicode(program), marker.FileOffset, marker.Name, IsReturn: false)
                {
                    SemaphoreOffset = marker.SemaphoreOffset,
                    MarkerArguments = arguments,
                })
            { Marker = marker });
        }
        return points.Count > 0 ? ProbeResolution.Of(points)
            : ProbeResolution.Fail($"no marker of '{program}' matches '{pattern}'{(markers.Count == 0 ? " (it has no .note.stapsdt notes)" : "")}");
    }

    /// <summary>Each operand spec as its program works it out: a register's place in the registers it copies, a constant, or memory; null for a register it does not know.</summary>
    private static System.Collections.Immutable.ImmutableArray<Tracing.Capture.CapturedArgument>? MarkerArguments(Tracing.Elf.SdtMarker marker)
    {
        var arguments = new List<Tracing.Capture.CapturedArgument>();
        foreach (var argument in marker.Arguments)
        {
            if (argument.Register is null)
            {
                arguments.Add(new(Tracing.Capture.ArgumentSource.Constant, 0, argument.Value, argument.Size, argument.IsSigned));
                continue;
            }
            var offset = Registers.Canonical(argument.Register) is { } register ? Tracing.Uprobes.UserRegisters.ContextOffset(register) : -1;
            if (offset < 0)
                return null;
            arguments.Add(new(argument.InMemory ? Tracing.Capture.ArgumentSource.Memory : Tracing.Capture.ArgumentSource.Register,
                offset, argument.Value, argument.Size, argument.IsSigned));
        }
        return [.. arguments];
    }

    private static System.Text.RegularExpressions.Regex Wildcard(string pattern) => new(
        "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$");

    /// <summary>What <paramref name="read"/> finds in the file PATH names (found as stap finds it), resolved; or why it cannot be read.</summary>
    private static ProbeResolution FromFile<T>(string path, string what, Func<string, T> read, Func<string, T, ProbeResolution> resolve)
    {
        if (ProcessProvider.Find(path) is not { } program)
            return ProbeResolution.Fail($"no program '{path}' was found (a name without '/' is looked up in $PATH)");
        T contents;
        try
        {
            contents = read(ScriptBytes.ToUnicode(program));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return ProbeResolution.Fail($"cannot read {what} of '{program}': {e.Message}");
        }
        return resolve(program, contents);
    }
}
