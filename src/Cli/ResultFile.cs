using Tapline.Tracing.Files;

namespace Tapline.Cli;

/// <summary>
/// A file written whole or not at all (`--report`): where the path is a regular file or nothing,
/// the content goes to a new file beside it (an unpredictable name, created O_EXCL|O_NOFOLLOW,
/// mode 0600) that is renamed over it once complete; a failure leaves the old file and no
/// temporary. Anything else at the path (a device, a FIFO, a symbolic link) is written through,
/// as a shell's `&gt;` would, and stays what it is.
/// </summary>
internal static class ResultFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var status = FileStatus.OfPath(path, followLinks: false);
        if (status is { Kind: not FileKind.Regular })
        {
            using var direct = new DescriptorStream(SecureFile.OpenToWrite(path));
            write(direct);
            return;
        }
        using var temporary = TemporaryFile.Beside(path);
        write(temporary.Stream);
        temporary.Commit(path);
    }
}
