using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Elaborate;
using Tapline.Tracing.Bpf;
using Tapline.Tracing.Capture;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Uprobes;

namespace Tapline.Passes.Translate;

/// <summary>
/// Turns the user memory the tracepoint handlers read into one capture program per tracepoint:
/// for each syscall (or for every event, when a handler takes them all), the pointer fields to
/// copy strings from. A read that cannot be copied at the event is refused, unless the run may
/// read it later (`--late-user-reads`).
/// </summary>
internal sealed class CapturePlanner(ITracepointCatalog? catalog, int stringCapacity, bool lateReadsAllowed, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, Planned> _tracepoints = new(StringComparer.Ordinal);

    /// <summary>
    /// Plans <paramref name="probe"/>'s reads (<paramref name="format"/>: its tracepoint's, when it
    /// has one); true when it reads user memory that its events carry.
    /// </summary>
    public bool Plan(BoundProbe probe, TracepointFormat? format, IReadOnlyDictionary<Binding.FunctionSymbol, Binding.FunctionDefinition> functions)
    {
        var reads = UserMemoryReads.Of(probe, functions);
        switch (probe.Point.Attachment)
        {
            case UprobeAttachment uprobe:
                // A uprobe always has a program (it sends the registers); its strings are copied beside them.
                var registers = uprobe.RecordFormat;
                var copied = SlotsOf(reads, registers, read => read.Address is null
                    ? "its address is not a register of the probed thread, so it is not known when the probe fires"
                    : $"{read.Address} is not a register");
                Add(registers, Ungated, copied, uprobe.MarkerArguments);
                return copied.Count > 0;
            case TracepointAttachment tracepoint when reads.Length > 0:
                var slots = SlotsOf(reads, format, read => Why(read, format, tracepoint));
                if (slots.Count == 0 || format is null)
                    return false;
                Add(format, tracepoint.SyscallNumber ?? Ungated, slots, []);
                return true;
            case PerfAttachment when reads.Length > 0 && !lateReadsAllowed:
                diagnostics.ReportUserMemoryNotCapturable(reads[0].Location, reads[0].Reader, $"probe {probe.Point.Text} has no record to copy it with");
                return false;
            default:
                return false;
        }
    }

    /// <summary>The slot of each read that <paramref name="format"/>'s record can serve; each other read is refused (<paramref name="why"/>), unless it may be read late.</summary>
    private List<CaptureSlot> SlotsOf(ImmutableArray<UserMemoryRead> reads, TracepointFormat? format, Func<UserMemoryRead, string> why)
    {
        var slots = new List<CaptureSlot>();
        foreach (var read in reads)
        {
            if (SlotOf(read, format) is { } slot)
                slots.Add(slot);
            else if (!lateReadsAllowed)
                diagnostics.ReportUserMemoryNotCapturable(read.Location, read.Reader, why(read));
        }
        return slots;
    }

    private void Add(TracepointFormat format, long group, IEnumerable<CaptureSlot> slots, ImmutableArray<CapturedArgument> arguments)
    {
        if (!_tracepoints.TryGetValue(format.FullName, out var planned))
            _tracepoints[format.FullName] = planned = new Planned(format, arguments);
        if (!planned.Groups.TryGetValue(group, out var groupSlots))
            planned.Groups[group] = groupSlots = [];
        groupSlots.AddRange(slots.Where(s => !groupSlots.Any(kept => kept.FieldOffset == s.FieldOffset)));
    }

    /// <summary>What is planned for one tracepoint or uprobe: its record's format, a marker's arguments, and the slots of each group.</summary>
    private sealed record Planned(TracepointFormat Format, ImmutableArray<CapturedArgument> Arguments)
    {
        public Dictionary<long, List<CaptureSlot>> Groups { get; } = [];
    }

    private const long Ungated = long.MinValue;

    public ImmutableArray<CaptureProgram> Programs() =>
    [
        .. _tracepoints.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => CaptureProgramWriter.Write(new CapturePlan(
            t.Key, t.Value.Format.Id, t.Value.Format.Fields.Max(f => f.Offset + f.Size),
            t.Value.Format.Fields.FirstOrDefault(f => f.Name == Run.TracepointHandlers.SyscallField)?.Offset,
            [.. t.Value.Groups.OrderBy(g => g.Key).Select(g => new CaptureGroup(g.Key == Ungated ? null : g.Key, [.. g.Value]))],
            RetryTypeId: t.Key == "raw_syscalls:sys_enter" ? catalog?.Find(new TracepointName("raw_syscalls", "sys_exit"))?.Id : null,
            ContextShift: IsUprobe(t.Value.Format) ? UserRegisters.RecordShift : 0,
            ProgramType: IsUprobe(t.Value.Format) ? BpfProgramType.Probe : BpfProgramType.Tracepoint)
        {
            Arguments = t.Value.Arguments,
        })),
    ];

    private static bool IsUprobe(TracepointFormat format) => format.System == UserRegisters.System;

    private CaptureSlot? SlotOf(UserMemoryRead read, TracepointFormat? format)
    {
        if (read.Address is not { } address || format?.Fields.FirstOrDefault(f => f.Name == address.Field) is not { } field
            || format.Fields.Any(f => f.IsDataLocation))
            return null;
        var count = field.ArrayLength is > 0 ? field.ArrayLength.Value : 1;
        var elementSize = field.Size / count;
        var offset = field.Offset + (int)address.Index * elementSize;
        if (field.IsString || elementSize != 8 || offset % 8 != 0 || address.Index < 0 || address.Index >= count)
            return null;
        // The file's name, not its path: a -p3 listing reads the same from any checkout.
        var where = $"{Path.GetFileName(read.Location.Source.FileName)}:{read.Location.Line}:{read.Location.Column}";
        return new CaptureSlot(address.ToString(), offset, stringCapacity, $"{read.Reader} at {where}");
    }

    private static string Why(UserMemoryRead read, TracepointFormat? format, TracepointAttachment tracepoint)
    {
        var name = $"{tracepoint.System}:{tracepoint.Name}";
        if (format is null)
            return $"the format of {name} is not known";
        if (read.Address is not { } address)
            return $"its address is not a field of {name}, so it is not known when the event fires";
        if (format.Fields.Any(f => f.IsDataLocation))
            return $"{name} has a variable-length field, which the capture program does not copy";
        return $"${address} of {name} is not an 8-byte pointer field";
    }
}
