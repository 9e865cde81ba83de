using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>What one pass cost and produced.</summary>
public sealed record PassMeasurement(
    PassInfo Pass,
    TimeSpan WallTime,
    TimeSpan CpuTime,
    long AllocatedBytes,
    string Summary,
    IReadOnlyList<OutputCount> Counts);
