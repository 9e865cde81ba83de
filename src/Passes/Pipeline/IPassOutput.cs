namespace Tapline.Passes.Pipeline;

/// <summary>What every pass returns: something that can be printed and measured.</summary>
public interface IPassOutput
{
    /// <summary>What the pass did, for the `-v` line: "parsed user script and 12 library scripts".</summary>
    string Summary { get; }

    /// <summary>The output's size in the units that fit it, most telling first.</summary>
    IReadOnlyList<OutputCount> Counts { get; }

    /// <summary>The file extension of the printed form, for dumps: "stp", "txt", "cs".</summary>
    string FileExtension { get; }

    /// <summary>Prints the output as `-p N` shows it.</summary>
    void Print(TextWriter writer);

    /// <summary>Prints the output as `-p N -v` shows it: in more detail where the output has more (pass 2's bodies).</summary>
    void PrintDetailed(TextWriter writer) => Print(writer);
}
