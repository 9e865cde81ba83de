using System.Collections.Immutable;

namespace Tapline.Tracing.Elf;

/// <summary>
/// A static probe a program marks with `<sys/sdt.h>` (`STAP_PROBE2(provider, name, a, b)`),
/// as its `.note.stapsdt` note describes it: where it is (in memory and in the file), the
/// semaphore the program tests before it (its file offset, or null), and its arguments.
/// </summary>
public sealed record SdtMarker(string Provider, string Name, ulong Address, ulong FileOffset, ulong? SemaphoreOffset, ImmutableArray<SdtArgument> Arguments);

/// <summary>
/// One argument's operand spec (`-4@%edi`, `8@$5`, `-4@-20(%rbp)`): its size in bytes, whether
/// it is signed, and where it is: a register (<paramref name="Register"/>, as the note spells it,
/// without `%`), a constant (<paramref name="Value"/>), or memory at the register plus
/// <paramref name="Value"/> (<paramref name="InMemory"/>).
/// </summary>
public sealed record SdtArgument(int Size, bool IsSigned, string? Register, long Value, bool InMemory, string Spec);
