using System.Diagnostics;

namespace Tapline.Tests;

/// <summary>Files as an attacker or a careful user would set them up: private directories, FIFOs, other owners.</summary>
internal static class SecureFileHelpers
{
    public static void MakePrivateDirectory(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static void MakeFifo(string path) => Run("mkfifo", path);

    public static void Chown(string path, int uid) => Run("chown", "-h", $"{uid}:{uid}", path);

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
