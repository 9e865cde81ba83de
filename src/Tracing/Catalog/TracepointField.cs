namespace Tapline.Tracing.Catalog;

/// <summary>
/// One field of a tracepoint's record, as its format file declares it:
/// `field:const char * filename;	offset:24;	size:8;	signed:0;`.
/// </summary>
/// <param name="Declaration">The declaration as the format file spells it, without `field:` and `;`.</param>
/// <param name="CType">The C type without the name: "const char *", "unsigned long", "char".</param>
/// <param name="ArrayLength">For `args[6]` 6; 0 for `__data_loc char[] name` or `char name[]`; null when not an array.</param>
public sealed record TracepointField(
    string Declaration, string Name, string CType, int Offset, int Size, bool IsSigned, int? ArrayLength, bool IsDataLocation)
{
    public bool IsCommon => Name.StartsWith("common_", StringComparison.Ordinal);

    /// <summary>A character array or a `__data_loc char[]`: the field holds text.</summary>
    public bool IsString => ArrayLength is not null && CType is "char" or "const char" or "unsigned char";

    public bool IsPointer => CType.EndsWith('*');
}
