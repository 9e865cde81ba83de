using Tapline.Passes.Plugins;

namespace HandlerSizes;

/// <summary>Registers the handler-sizes pass after optimize: `tapline --plugin HandlerSizes.dll -v SCRIPT`.</summary>
public sealed class HandlerSizesPlugin : ITaplinePlugin
{
    public void Register(PluginRegistration registration) => registration.InsertPassAfter("optimize", new HandlerSizesPass());
}
