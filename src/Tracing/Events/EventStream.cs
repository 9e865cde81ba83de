using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Events;

/// <summary>
/// One opened event as its records come back: how its samples are laid out, and the
/// tracepoint they belong to (null for the side-band event that only carries process records).
/// </summary>
public sealed record EventStream(SampleLayout Layout, EventFormat? Format);
