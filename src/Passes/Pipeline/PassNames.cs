namespace Tapline.Passes.Pipeline;

/// <summary>The names of SystemTap's five passes, as reports and the command line spell them.</summary>
public static class PassNames
{
    public const string Parse = "parse";
    public const string Elaborate = "elaborate";
    public const string Optimize = "optimize";
    public const string Translate = "translate";
    public const string Build = "build";
    public const string Run = "run";

    public static string? ForNumber(int number) => number switch
    {
        1 => Parse,
        2 => Elaborate,
        3 => Translate,
        4 => Build,
        5 => Run,
        _ => null,
    };
}
