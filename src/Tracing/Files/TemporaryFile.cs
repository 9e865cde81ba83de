using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace Tapline.Tracing.Files;

/// <summary>
/// A file being written beside its destination (see <see cref="SecureFile.CreateUnique"/>):
/// renamed over the destination by <see cref="Commit"/>, deleted by <see cref="Dispose"/>
/// otherwise, and deleted at process exit if neither happened (a run ended by a signal).
/// </summary>
public sealed class TemporaryFile : IDisposable
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new();

    static TemporaryFile() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var path in Pending.Keys)
            File.Delete(path);
    };

    private TemporaryFile(SafeFileHandle handle, string path)
    {
        Path = path;
        Stream = new FileStream(handle, FileAccess.Write, bufferSize: 4096);
        Pending[path] = 0;
    }

    public string Path { get; }

    public Stream Stream { get; }

    /// <summary>A new file beside <paramref name="destination"/>: unpredictable name, O_EXCL|O_NOFOLLOW, mode 0600.</summary>
    public static TemporaryFile Beside(string destination)
    {
        var full = System.IO.Path.GetFullPath(destination);
        var (handle, path) = SecureFile.CreateUnique(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileName(full));
        return new TemporaryFile(handle, path);
    }

    /// <summary>Closes the file and renames it over <paramref name="destination"/> (a link there is replaced, not followed).</summary>
    public void Commit(string destination)
    {
        Stream.Dispose();
        File.Move(Path, destination, overwrite: true);
        Pending.TryRemove(Path, out _);
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (Pending.TryRemove(Path, out _))
            File.Delete(Path);
    }
}
