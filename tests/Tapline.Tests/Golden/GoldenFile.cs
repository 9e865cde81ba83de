using System.Text;
using Tapline.Runtime;

namespace Tapline.Tests.Golden;

/// <summary>
/// Compares an actual output with its expected file. `TAPLINE_BLESS=1 dotnet test`
/// rewrites expected files instead (refused under CI); a missing expected file fails. Outputs
/// hold script strings, so files are compared byte for byte (<see cref="ScriptBytes"/>).
/// </summary>
internal static class GoldenFile
{
    public static bool Blessing => Environment.GetEnvironmentVariable("TAPLINE_BLESS") == "1";

    public static void Verify(string expectedPath, string actual)
    {
        if (Blessing)
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
                "TAPLINE_BLESS is refused under CI: bless on a developer machine and commit the reviewed diff");
            File.WriteAllBytes(expectedPath, ScriptBytes.ToBytes(actual));
            return;
        }
        Assert.True(File.Exists(expectedPath),
            $"missing golden file {expectedPath}; create it with TAPLINE_BLESS=1 dotnet test and review it");
        var expected = File.ReadAllBytes(expectedPath);
        var actualBytes = ScriptBytes.ToBytes(actual);
        if (!expected.AsSpan().SequenceEqual(actualBytes))
        {
            var diff = Diff(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actualBytes));
            Assert.Fail($"{Path.GetFileName(expectedPath)} differs (TAPLINE_BLESS=1 rewrites it):\n{diff}");
        }
    }

    /// <summary>The first differing line with two lines of context, as - expected / + actual.</summary>
    public static string Diff(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = 0;
        while (first < expectedLines.Length && first < actualLines.Length && expectedLines[first] == actualLines[first])
            first++;
        var text = new StringBuilder();
        for (var i = Math.Max(0, first - 2); i < first; i++)
            text.AppendLine("  " + expectedLines[i]);
        for (var i = first; i < Math.Min(expectedLines.Length, first + 3); i++)
            text.AppendLine("- " + expectedLines[i]);
        for (var i = first; i < Math.Min(actualLines.Length, first + 3); i++)
            text.AppendLine("+ " + actualLines[i]);
        return $"at line {first + 1}:\n{text}";
    }
}
