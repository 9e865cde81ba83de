using Tapline.Passes.Plugins;

namespace HandlerSizes;

/// <summary>
/// Registers the handler-sizes pass after optimize, with the diagnostic ids it warns under:
/// `tapline --plugin HandlerSizes.dll -v SCRIPT` (`-D HANDLER_SIZE_LIMIT=N` to warn of larger handlers).
/// </summary>
public sealed class HandlerSizesPlugin : ITaplinePlugin
{
    public void Register(PluginRegistration registration)
    {
        var diagnostics = registration.ReserveDiagnostics("HSZ", 1, 99);
        registration.InsertPassAfter("optimize", new HandlerSizesPass(diagnostics));
    }
}
