using System.Collections.Immutable;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Tapline.Passes.Pipeline;

namespace Tapline.Cli;

/// <summary>Describes the running system for preprocessor conditions: kernel version, architecture, kernel config.</summary>
internal static class HostTarget
{
    public static TargetDescription Describe()
    {
        var release = ReadFirstLine("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.Version.ToString();
        var length = 0;
        while (length < release.Length && (char.IsAsciiDigit(release[length]) || release[length] == '.'))
            length++;
        var version = release[..length].TrimEnd('.');
        return new TargetDescription(
            version,
            release,
            Architecture(),
            "kernel",
            TargetDescription.CompatibleSystemtapVersion,
            Environment.UserName == "root" ? "stapdev" : "stapusr",
            new KernelConfig(() => ReadKernelConfig(release)));
    }

    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.X86 => "i386",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>The kernel's build configuration from /proc/config.gz or /boot/config-RELEASE; empty when neither is readable.</summary>
    private static IReadOnlyDictionary<string, string> ReadKernelConfig(string release)
    {
        try
        {
            if (File.Exists("/proc/config.gz"))
            {
                using var gzip = new GZipStream(File.OpenRead("/proc/config.gz"), CompressionMode.Decompress);
                return ParseConfig(new StreamReader(gzip));
            }
            var boot = $"/boot/config-{release}";
            if (File.Exists(boot))
                return ParseConfig(new StreamReader(boot));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
        }
        return ImmutableDictionary<string, string>.Empty;
    }

    private static ImmutableDictionary<string, string> ParseConfig(TextReader reader)
    {
        var config = ImmutableDictionary.CreateBuilder<string, string>();
        while (reader.ReadLine() is { } line)
        {
            var equals = line.IndexOf('=');
            if (line.StartsWith("CONFIG_", StringComparison.Ordinal) && equals > 0)
                config[line[..equals]] = line[(equals + 1)..].Trim('"');
        }
        return config.ToImmutable();
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
