using System.Security.Cryptography;
using System.Text;
using Tapline.Tracing.Files;

namespace Tapline.Passes.Build;

/// <summary>
/// Built modules by the hash of their source and of what compiled them, as SystemTap's
/// cache keeps modules: a second build of an unchanged script loads the assembly instead
/// of running Roslyn. A cached module is code that this process will run, as root perhaps,
/// so an entry is used only when this user owns it and its directory and nobody else may
/// write either; the directory is made 0700 and each entry 0600, written under a name
/// nobody can predict and renamed into place. The directory is checked once, when the cache
/// is opened: only its owner (this user) or root can change its owner or mode after that.
/// </summary>
public sealed class BuildCache
{
    /// <summary>No module comes near this; a larger entry is not a module this cache wrote.</summary>
    private const long MaxImageBytes = 256L << 20;

    private BuildCache(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The cache in <paramref name="directory"/>, or null with the reason when the directory is not safe to use.</summary>
    public static BuildCache? Open(string directory, out string? problem)
    {
        problem = DirectoryProblem(directory);
        return problem is null ? new BuildCache(directory) : null;
    }

    public static string DefaultDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "tapline");
        }
    }

    public static string KeyOf(string source, string compilerIdentity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compilerIdentity + "\n" + source)));

    public string PathOf(string key) => EntryPath(Directory, key);

    /// <summary>Where the entry of <paramref name="key"/> lies in a cache directory.</summary>
    public static string EntryPath(string directory, string key) => Path.Combine(directory, key + ".dll");

    /// <summary>Why the cache directory must not be used, or null when it is safe (or not there yet).</summary>
    private static string? DirectoryProblem(string directory)
    {
        if (FileStatus.OfPath(directory, followLinks: true) is not { } status)
            return null;
        if (status.Kind != FileKind.Directory)
            return "it is not a directory";
        return OwnershipProblem(status);
    }

    /// <summary>The cached image under <paramref name="key"/> (a whole assembly), a miss, or why the entry was refused.</summary>
    public CacheLookup Find(string key)
    {
        var path = PathOf(key);
        try
        {
            var opened = SecureFile.OpenToRead(path);
            if (opened is not var (handle, status))
                return CacheLookup.Miss;
            using (handle)
            {
                if (EntryProblem(status) is { } problem)
                    return CacheLookup.Refused(path, problem);
                using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
                var image = new byte[status.Size];
                stream.ReadExactly(image);
                return ImageCheck.Problem(image) is { } damage ? CacheLookup.Refused(path, damage) : CacheLookup.Hit(path, image);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CacheLookup.Refused(path, e.Message);
        }
    }

    /// <summary>Writes an image under its key; returns its path. Throws IOException when it cannot.</summary>
    public string Store(string key, byte[] image)
    {
        SecureFile.CreatePrivateDirectory(Directory);
        var path = PathOf(key);
        using var temporary = TemporaryFile.Beside(path);
        temporary.Stream.Write(image);
        temporary.Commit(path);
        return path;
    }

    private static string? EntryProblem(FileStatus status)
    {
        if (status.Kind != FileKind.Regular)
            return $"it is a {Describe(status.Kind)}, not a regular file";
        if (status.Size == 0)
            return "it is empty";
        if (status.Size > MaxImageBytes)
            return $"it is {status.Size} bytes long";
        return OwnershipProblem(status);
    }

    private static string? OwnershipProblem(FileStatus status)
    {
        var me = SecureFile.CurrentUserId;
        if (status.OwnerId != me)
            return $"it is owned by uid {status.OwnerId}, not by this user (uid {me})";
        if (status.WritableByOthers)
            return $"its group or other users may write it (mode {Convert.ToString((int)status.Mode, 8).PadLeft(4, '0')})";
        return null;
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "directory",
        FileKind.SymbolicLink => "symbolic link",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Fifo => "FIFO",
        FileKind.Socket => "socket",
        _ => "special file",
    };
}
