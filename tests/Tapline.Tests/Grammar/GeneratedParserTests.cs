using System.Diagnostics;

namespace Tapline.Tests.Grammar;

/// <summary>The checked-in parser in grammar/Generated is what grammar/generate.sh makes from the .g4 files.</summary>
public sealed class GeneratedParserTests
{
    [AntlrToolFact]
    public void Grammar_GeneratedParser_IsCurrent()
    {
        Assert.True(File.Exists(AntlrToolFactAttribute.ToolPath), "antlr-ng is missing: CI must run `npm ci` first");
        var output = Directory.CreateTempSubdirectory("tapline-grammar-").FullName;
        try
        {
            var script = Path.Combine(Repository.Root, "grammar", "generate.sh");
            using var process = Process.Start(new ProcessStartInfo("bash", [script, output])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "grammar/generate.sh failed:\n" + errors);

            var checkedIn = Path.Combine(Repository.Root, "grammar", "Generated");
            var expected = Directory.GetFiles(output).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(expected, Directory.GetFiles(checkedIn).Select(Path.GetFileName).Order().ToList());
            foreach (var name in expected)
            {
                Assert.True(File.ReadAllText(Path.Combine(output, name!)) == File.ReadAllText(Path.Combine(checkedIn, name!)),
                    $"grammar/Generated/{name} is stale: run grammar/generate.sh and commit the result");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
