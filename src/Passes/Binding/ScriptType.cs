namespace Tapline.Passes.Binding;

/// <summary>The types of SystemTap values. Arrays are globals with key types and a value type.</summary>
public enum ScriptType
{
    /// <summary>Not inferred yet.</summary>
    Unknown,
    Long,
    String,
    /// <summary>A statistic, fed with `&lt;&lt;&lt;` and read with `@count` and friends.</summary>
    Stats,
    /// <summary>The value of `@hist_log`/`@hist_linear`: it can only be printed.</summary>
    Histogram,
    /// <summary>What a function without a value returns.</summary>
    Void,
}

public static class ScriptTypes
{
    public static string Name(ScriptType type) => type switch
    {
        ScriptType.Long => "long",
        ScriptType.String => "string",
        ScriptType.Stats => "stats",
        ScriptType.Histogram => "histogram",
        ScriptType.Void => "void",
        _ => "unknown",
    };

    public static ScriptType? FromName(string? name) => name switch
    {
        "long" => ScriptType.Long,
        "string" => ScriptType.String,
        _ => null,
    };
}
