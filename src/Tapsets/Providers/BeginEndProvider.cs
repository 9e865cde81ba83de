using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `begin`, `end`, `error` (each with an optional priority, lower first), `never`, and `init`:
/// a begin probe that runs before every other one, as stap's.
/// </summary>
public sealed class BeginEndProvider : IProbeProvider
{
    public IReadOnlyCollection<string> Roots { get; } = ["begin", "end", "error", "never", "init"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        var root = components[0];
        if (components.Length > 1)
            return ProbeResolution.Fail($"'{root.Name}' takes no further components");
        if (root.Name == "init")
            return root.Argument is null
                ? ProbeResolution.Of(new BeginEndProbePoint(SessionEvent.Begin, long.MinValue, "init"))
                : ProbeResolution.Fail("'init' takes no argument");
        if (root.Argument is null)
            return ProbeResolution.Of(new BeginEndProbePoint(EventOf(root.Name), 0, root.Name));
        if (root.Name == "never" || root.Argument is not NumberLiteralSyntax priority)
            return ProbeResolution.Fail(root.Name == "never" ? "'never' takes no argument" : $"'{root.Name}(N)' takes a number, its priority");
        return ProbeResolution.Of(new BeginEndProbePoint(EventOf(root.Name), priority.Value, $"{root.Name}({priority.Value})"));
    }

    public IEnumerable<string> ListPoints() => Roots;

    private static SessionEvent EventOf(string root) => root switch
    {
        "begin" => SessionEvent.Begin,
        "end" => SessionEvent.End,
        "error" => SessionEvent.Error,
        _ => SessionEvent.Never,
    };
}

/// <summary>A point of the run's life: `begin`, `end`, `error`, `never`, in order of priority.</summary>
public sealed record BeginEndProbePoint(SessionEvent Event, long Priority, string Text) : ResolvedProbePoint(Text)
{
    public override ProbeAttachment Attachment => new SessionAttachment(Event, Priority);
}
