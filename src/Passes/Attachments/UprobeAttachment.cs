namespace Tapline.Passes.Attachments;

/// <summary>
/// A uprobe at <paramref name="Offset"/> of the ELF file <paramref name="Path"/> (the entry of
/// <paramref name="Function"/>), or at its return, in every process that maps the file.
/// </summary>
public sealed record UprobeAttachment(string Path, ulong Offset, string Function, bool IsReturn) : ProbeAttachment
{
    /// <summary>The name its records' stream goes by (`uprobe:NAME`), one for each file, offset and kind.</summary>
    public string StreamName => $"uprobe:{System.IO.Path.GetFileName(Path)}:{Function}:0x{Offset:x}{(IsReturn ? ":return" : "")}";
}
