using Tapline.Runtime;
using Tapline.Tracing.Files;

namespace Tapline.Cli;

internal static class Program
{
    /// <summary>
    /// Standard output goes through an <see cref="OutputPump"/>: the run queues text and a thread
    /// of its own writes it, so a stalled reader never stalls tracing. A closed standard output
    /// is held open on /dev/null (no later file takes its descriptor) and reported when written.
    /// </summary>
    private static int Main(string[] args)
    {
        var closed = StandardDescriptors.ReserveClosed();
        Func<Stream> open = closed.Contains(1)
            ? () => throw new IOException("it is closed")
            : DescriptorStream.StandardOutput;
        var stdout = new OutputPump(open, "standard output");
        var stderr = new StreamWriter(Console.OpenStandardError(), ScriptBytes.Encoding) { AutoFlush = true };
        var exitCode = TaplineCommand.Run(args, stdout, stderr);
        return stdout.Completed ? exitCode : OutputPump.Finish(stdout, CancellationToken.None, create: false, stderr) ?? exitCode;
    }
}
