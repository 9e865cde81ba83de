namespace Tapline.Passes.Pipeline;

/// <summary>
/// The kernel's build configuration (`CONFIG_NAME` to "y", "m", a number...), read when a
/// preprocessor condition first asks: most scripts never do, and reading it costs.
/// </summary>
public sealed class KernelConfig(Func<IReadOnlyDictionary<string, string>> read)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _values = new(read);

    public static KernelConfig Of(IReadOnlyDictionary<string, string> values) => new(() => values);

    /// <summary>The option's value, or "" when it is not set.</summary>
    public string this[string name] => _values.Value.GetValueOrDefault(name, "");
}
