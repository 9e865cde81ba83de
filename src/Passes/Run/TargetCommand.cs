using System.Diagnostics;
using Tapline.Tracing.Processes;

namespace Tapline.Passes.Run;

/// <summary>
/// `-c CMD`: the command run under the probes, through /bin/sh as stap runs it. The shell stops
/// itself before it execs the command, so its pid (`target()`) is known before the probes are
/// attached and none of the command's events are missed; <see cref="Release"/> lets it go.
/// </summary>
internal sealed class TargetCommand : IDisposable
{
    private readonly Process _process;

    private TargetCommand(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static TargetCommand StartStopped(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("kill -STOP $$; exec /bin/sh -c \"$1\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(command);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start /bin/sh for '{command}'");
        var waited = Stopwatch.StartNew();
        while (!ProcessSignals.IsStopped(process.Id) && !process.HasExited)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
                throw new InvalidOperationException($"the shell for '{command}' did not stop itself");
            Thread.Sleep(1);
        }
        return new TargetCommand(process);
    }

    public void Release()
    {
        if (!_process.HasExited)
            ProcessSignals.Continue(_process.Id);
    }

    /// <summary>Ends the command if the run stops before it does (Ctrl-C, -T, exit()).</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
