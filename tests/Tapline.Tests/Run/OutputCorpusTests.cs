using Tapline.Cli;
using Tapline.Runtime;

namespace Tapline.Tests.Run;

/// <summary>
/// tests/output: scripts whose run must print exactly the text written beside them, taken
/// from SystemTap's references by hand (see tests/output/README.md).
/// </summary>
public sealed class OutputCorpusTests
{
    private static string Directory => Path.Combine(Repository.Root, "tests", "output");

    public static TheoryData<string> Cases() =>
        new(System.IO.Directory.EnumerateFiles(Directory, "*.stp").Select(Path.GetFileNameWithoutExtension).Order().Select(n => n!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_PrintsExactlyTheExpectedText(string name)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = TaplineCommand.Run(["--disable-cache", Path.Combine(Directory, name + ".stp")], stdout, stderr);

        Assert.True(code == 0, $"exit {code}:\n{stderr}");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Directory, name + ".out")), ScriptBytes.ToBytes(stdout.ToString()));
    }
}
