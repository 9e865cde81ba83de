using System.Diagnostics;
using Tapline.Tracing.Processes;

namespace Tapline.Passes.Run;

/// <summary>
/// `-c CMD`: the command run under the probes. A small shell stops itself and then execs the
/// command in its own place, so the pid known before the probes are attached is the command's
/// (`target()`, as in stap) and none of its events are missed; <see cref="Release"/> lets it
/// go. A plain command is split into words (<see cref="CommandWords"/>) and exec'd directly;
/// one with shell syntax is given to `/bin/sh -c`, prefixed with `exec` when it is a single
/// command, so that the command still takes the shell's pid.
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
        start.ArgumentList.Add("kill -STOP $$; exec \"$@\"");
        start.ArgumentList.Add("sh");
        if (CommandWords.Split(command) is { } words)
        {
            foreach (var word in words)
                start.ArgumentList.Add(word);
        }
        else
        {
            start.ArgumentList.Add("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(CommandWords.IsSingleCommand(command) ? CommandWords.InShellsPlace(command) : command);
        }
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
