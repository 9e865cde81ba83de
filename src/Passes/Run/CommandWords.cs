using System.Text;

namespace Tapline.Passes.Run;

/// <summary>
/// Splits a `-c` command into words as wordexp(3) does for a plain command line: blanks
/// separate words, single quotes keep everything, double quotes keep all but `\` before
/// `"`, `\`, `$` or a backquote, a backslash keeps the next character. What wordexp would
/// expand or refuse (`$`, backquotes, globs, `~`, an assignment, `| &amp; ; &lt; &gt; ( ) { }`, a newline)
/// is shell syntax: the command is then left to the shell.
/// </summary>
internal static class CommandWords
{
    private const string ShellOnly = "|&;<>(){}\n$`*?[~#";

    /// <summary>The words of a plain command, or null when it needs a shell.</summary>
    public static IReadOnlyList<string>? Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                        words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    continue;
                case '\'':
                    var close = command.IndexOf('\'', i + 1);
                    if (close < 0)
                        return null;
                    word.Append(command, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    if (!TryDoubleQuoted(command, ref i, word))
                        return null;
                    break;
                case '\\':
                    if (i + 1 >= command.Length || command[i + 1] == '\n')
                        return null;
                    word.Append(command[++i]);
                    break;
                case '=' when words.Count == 0:
                    return null; // VAR=value cmd: an assignment for the shell
                default:
                    if (ShellOnly.Contains(c))
                        return null;
                    word.Append(c);
                    break;
            }
            inWord = true;
        }
        if (inWord)
            words.Add(word.ToString());
        return words.Count == 0 ? null : words;
    }

    private static bool TryDoubleQuoted(string command, ref int i, StringBuilder word)
    {
        for (i++; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '"')
                return true;
            if (c is '$' or '`')
                return false;
            if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                c = command[++i];
            word.Append(c);
        }
        return false;
    }

    /// <summary>True when the shell's text is one command that `exec` can replace the shell with (no list or pipeline).</summary>
    public static bool IsSingleCommand(string command) => command.IndexOfAny(['|', '&', ';', '\n', '(', ')', '{', '}']) < 0;

    /// <summary>
    /// The shell text that runs a single command in the shell's place: `exec CMD`, or, when it
    /// starts with assignments (`A=1 cmd`), `exec env A=1 cmd`, since `exec` takes no assignments.
    /// </summary>
    public static string InShellsPlace(string command)
    {
        var first = command.TrimStart().Split([' ', '\t'], 2)[0];
        var equals = first.IndexOf('=');
        var assigns = equals > 0 && first[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(first[0]);
        return (assigns ? "exec env " : "exec ") + command;
    }
}
