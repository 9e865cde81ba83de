namespace Tapline.Passes.Pipeline;

/// <summary>One measure of a pass's output: a plain integer and its unit ("files", "bytes", "probes").</summary>
public sealed record OutputCount(long Value, string Unit)
{
    public override string ToString() => $"{Value} {Unit}";
}
