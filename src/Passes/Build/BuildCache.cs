using System.Security.Cryptography;
using System.Text;

namespace Tapline.Passes.Build;

/// <summary>
/// Built modules by the hash of their source and of what compiled them, as SystemTap's
/// cache keeps modules: a second build of an unchanged script loads the assembly instead
/// of running Roslyn. Files are written under a temporary name and renamed.
/// </summary>
public sealed class BuildCache(string directory)
{
    public string Directory { get; } = directory;

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

    public string PathOf(string key) => Path.Combine(Directory, key + ".dll");

    public bool Contains(string key) => File.Exists(PathOf(key));

    public string Store(string key, byte[] image)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(key);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return path;
    }
}
