using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Tapline.Tracing.Processes;

namespace Tapline.Cli;

/// <summary>The checks of stap's options that take a value in their own form: -G, --compatible, --rlimit-*.</summary>
internal static partial class CommandLineChecks
{
    /// <summary>`-G NAME=VALUE` settings by name; a problem when one is not of that form.</summary>
    public static string? ReadGlobals(ImmutableArray<string> settings, out ImmutableDictionary<string, string> values)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        values = builder.ToImmutable();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0 || !Name().IsMatch(setting[..equals]))
                return $"-G takes NAME=VALUE with NAME a global of the script, not '{setting}'";
            builder[setting[..equals]] = setting[(equals + 1)..];
        }
        values = builder.ToImmutable();
        return null;
    }

    public static string? CompatibleProblem(string? version) =>
        version is null || Version().IsMatch(version) ? null : $"--compatible takes a SystemTap version such as 4.0, not '{version}'";

    /// <summary>
    /// Sets each `--rlimit-NAME=NUM` on this process. An address-space limit below what the .NET
    /// runtime holds already would fail every later allocation, so it is refused with the reason.
    /// </summary>
    public static string? ApplyResourceLimits(ImmutableArray<KeyValuePair<string, string>> limits)
    {
        foreach (var (name, text) in limits)
        {
            if (!ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
                return $"--rlimit-{name} takes a non-negative number, not '{text}'";
            if (name == "as" && ResourceLimits.AddressSpaceInUse() is { } inUse && value < inUse)
                return $"--rlimit-as={value} is below the {inUse} bytes of address space this process holds already (the .NET runtime reserves its heap at start)";
            if (ResourceLimits.TrySet(name, value) is { } problem)
                return $"--rlimit-{name}={value}: {problem}";
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex Name();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)*$")]
    private static partial Regex Version();
}
