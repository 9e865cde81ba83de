using System.Runtime.InteropServices;
using Tapline.Passes.Pipeline;

namespace Tapline.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM end the run the way `exit()` does: the run pass sees the token,
/// detaches, drains, runs end probes and prints. Before pass 5 nothing is attached and nothing
/// needs undoing, so a signal that the current pass does not heed within a moment (Roslyn in
/// the middle of a build, say) ends the process; temporary files are removed on the way out.
/// </summary>
internal sealed class InterruptHandler : IDisposable, IPassObserver
{
    private static readonly TimeSpan PatienceBeforeRun = TimeSpan.FromMilliseconds(300);

    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _stderr;
    private volatile bool _running;
    private Thread? _watchdog;

    public InterruptHandler(TextWriter stderr)
    {
        _stderr = stderr;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt),
        ];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>From pass 5 on, a signal only asks: the run must detach from the kernel itself.</summary>
    public void PassStarting(PassInfo pass) => _running |= pass.Number >= 5;

    /// <summary>Ends the run as a signal does: used when its output can no longer be written.</summary>
    public void Stop()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over already.
        }
    }

    private void Interrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        Stop();
        // A thread of its own: a build keeps the thread pool busy, and a timer would wait for it.
        if (!_running && _watchdog is null)
        {
            _watchdog = new Thread(ExitIfStillBeforeRun) { IsBackground = true, Name = "tapline interrupt" };
            _watchdog.Start();
        }
    }

    private void ExitIfStillBeforeRun()
    {
        Thread.Sleep(PatienceBeforeRun);
        if (_running)
            return;
        _stderr.WriteLine("tapline: interrupted");
        Environment.Exit(1);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }
}
