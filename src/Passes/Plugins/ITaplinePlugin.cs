namespace Tapline.Passes.Plugins;

/// <summary>
/// What a plug-in assembly (`tapline --plugin ASSEMBLY`) offers: a public class with a public
/// constructor and no parameters that registers its passes, probe families and tapsets.
/// </summary>
public interface ITaplinePlugin
{
    void Register(PluginRegistration registration);
}
