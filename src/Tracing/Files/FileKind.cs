namespace Tapline.Tracing.Files;

/// <summary>The type of a file, as the kernel's mode bits give it.</summary>
public enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Unknown,
}
