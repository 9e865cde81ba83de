namespace Tapline.Cli;

internal static class Program
{
    /// <summary>
    /// Standard output is buffered (Console.Out writes through on every call, a syscall each):
    /// the run pass flushes it after every batch of events, and it is flushed once more at exit.
    /// </summary>
    private static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        try
        {
            return TaplineCommand.Run(args, stdout, Console.Error);
        }
        finally
        {
            stdout.Flush();
        }
    }
}
