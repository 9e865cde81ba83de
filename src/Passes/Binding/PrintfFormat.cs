using Tapline.Runtime;

namespace Tapline.Passes.Binding;

/// <summary>
/// The types a printf format takes, in order, as the runtime's <see cref="FormatSpec"/>
/// parses it: `%*d` takes a width (a long) first; `%m` and `%M` take an address.
/// </summary>
public static class PrintfFormat
{
    /// <summary>The argument types the format takes, or null and a reason when it is malformed.</summary>
    public static IReadOnlyList<ScriptType>? ArgumentTypes(string format, out string? problem)
    {
        problem = null;
        FormatSpec spec;
        try
        {
            spec = FormatSpec.Parse(format);
        }
        catch (ScriptRuntimeException malformed)
        {
            problem = malformed.Message;
            return null;
        }
        var types = new List<ScriptType>();
        foreach (var conversion in spec.Parts.Select(part => part.Conversion).OfType<Conversion>())
        {
            if (conversion.WidthFromArgument)
                types.Add(ScriptType.Long);
            if (conversion.PrecisionFromArgument)
                types.Add(ScriptType.Long);
            types.Add(conversion.TakesString ? ScriptType.String : ScriptType.Long);
        }
        return types;
    }
}
