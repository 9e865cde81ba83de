using System.Runtime.InteropServices;

namespace Tapline.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM end the run the way `exit()` does: the run pass sees the token,
/// detaches, drains, runs end probes and prints. A signal before pass 5 stops between passes.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public InterruptHandler() => _registrations =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt),
    ];

    public CancellationToken Token => _source.Token;

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
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }
}
