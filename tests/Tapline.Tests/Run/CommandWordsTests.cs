using Tapline.Passes.Run;

namespace Tapline.Tests.Run;

/// <summary>`-c CMD` split as wordexp splits a plain command; anything it would expand or refuse goes to the shell.</summary>
public sealed class CommandWordsTests
{
    [Theory]
    [InlineData("ls", new[] { "ls" })]
    [InlineData("  ls   -l\t/tmp  ", new[] { "ls", "-l", "/tmp" })]
    [InlineData("echo 'a b' \"c d\" e\\ f", new[] { "echo", "a b", "c d", "e f" })]
    [InlineData("echo 'it''s' \"say \\\"hi\\\" \\\\ \\n\"", new[] { "echo", "its", "say \"hi\" \\ \\n" })]
    [InlineData("printf '%s|%s;' x y", new[] { "printf", "%s|%s;", "x", "y" })]
    [InlineData("env A=1 cmd", new[] { "env", "A=1", "cmd" })]
    [InlineData("echo ''", new[] { "echo", "" })]
    public void Split_APlainCommand_GivesItsWords(string command, string[] words) =>
        Assert.Equal(words, CommandWords.Split(command));

    [Theory]
    [InlineData("ls | wc")]
    [InlineData("a; b")]
    [InlineData("a && b")]
    [InlineData("ls > out")]
    [InlineData("echo $HOME")]
    [InlineData("echo \"$HOME\"")]
    [InlineData("echo `date`")]
    [InlineData("ls *.c")]
    [InlineData("ls ~/x")]
    [InlineData("A=1 cmd")]
    [InlineData("echo 'unterminated")]
    [InlineData("echo \"unterminated")]
    [InlineData("(cd /; ls)")]
    [InlineData("")]
    [InlineData("   ")]
    public void Split_ShellSyntax_IsLeftToTheShell(string command) => Assert.Null(CommandWords.Split(command));

    [Theory]
    [InlineData("A=1 cmd x", true)]
    [InlineData("ls *.c", true)]
    [InlineData("ls | wc", false)]
    [InlineData("a; b", false)]
    [InlineData("a & b", false)]
    public void IsSingleCommand_TellsWhetherExecCanTakeTheShellsPlace(string command, bool single) =>
        Assert.Equal(single, CommandWords.IsSingleCommand(command));

    [Theory]
    [InlineData("ls *.c", "exec ls *.c")]
    [InlineData("A=1 B_2=x cmd $HOME", "exec env A=1 B_2=x cmd $HOME")]
    [InlineData("cmd a=b", "exec cmd a=b")]
    [InlineData("1A=x cmd", "exec 1A=x cmd")]
    public void InShellsPlace_ExecsTheCommandEvenAfterAssignments(string command, string shellText) =>
        Assert.Equal(shellText, CommandWords.InShellsPlace(command));
}
