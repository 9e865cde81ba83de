using System.Collections.Immutable;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Parse;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// Matches probe points against the aliases (the script's and the library's) and then
/// the providers, as SystemTap's match tree does: `*` matches within a component; an
/// alias shorter than the point passes the rest on as a suffix (`myalias.return`) when no
/// alias spells out the longer name; `?` allows no match; `!` stops at the first match.
/// </summary>
internal sealed class ProbePointResolver
{
    private const int MaxDepth = 32;

    private sealed record AliasEntry(ImmutableArray<NameComponent> Name, string Text, ProbeAliasSyntax? Syntax, TapsetFile? File);

    /// <summary>An alias a point names, and how many of the point's last components it passes on as a suffix.</summary>
    private sealed record AliasMatch(AliasEntry Alias, int SuffixLength);

    private readonly List<AliasEntry> _aliases = new();
    private readonly Dictionary<string, List<AliasEntry>> _aliasesByRoot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProbeResolution> _providerResolutions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProbeAliasSyntax?> _providedAliases = new(StringComparer.Ordinal);
    private readonly ProbeProviderRegistry _providers;
    private readonly ProgramSymbols _symbols;
    private readonly DiagnosticBag _diagnostics;

    public ProbePointResolver(ScriptSyntax script, TapsetLibrary library, ProbeProviderRegistry providers, ProgramSymbols symbols, DiagnosticBag diagnostics)
    {
        _providers = providers;
        _symbols = symbols;
        _diagnostics = diagnostics;
        foreach (var alias in script.Declarations.OfType<ProbeAliasSyntax>())
        {
            foreach (var name in alias.Names)
            {
                var components = name.Components.Select(NameComponent.From).ToImmutableArray();
                _aliases.Add(new AliasEntry(components, NameComponent.Join(components), alias, null));
            }
        }
        foreach (var alias in library.Aliases)
            _aliases.Add(new AliasEntry(NameComponent.Split(alias.Name), alias.Name, null, alias.File));
        foreach (var alias in _aliases)
        {
            if (!_aliasesByRoot.TryGetValue(alias.Name[0].Name, out var bucket))
                _aliasesByRoot[alias.Name[0].Name] = bucket = new List<AliasEntry>();
            bucket.Add(alias);
        }
    }

    /// <summary>Every alias name, for `-l` and for suggestions.</summary>
    public IEnumerable<string> AliasNames => _aliases.Select(a => a.Text);

    /// <summary>Optional points dropped because they cannot exist here, with the reason: what "no probes" explains.</summary>
    public List<string> DroppedOptionalPoints { get; } = new();

    /// <summary>Expands every point of a probe; reports the points that match nothing (unless optional).</summary>
    public ImmutableArray<ProbeExpansion> Resolve(ImmutableArray<ProbePointSyntax> points)
    {
        var expansions = ImmutableArray.CreateBuilder<ProbeExpansion>();
        foreach (var point in points)
        {
            var found = Resolve(point);
            expansions.AddRange(found);
            if (point.IsSufficient && found.Length > 0)
                break;
        }
        return expansions.ToImmutable();
    }

    /// <summary>Expands one point; reports it when it matches nothing and is not optional.</summary>
    public ImmutableArray<ProbeExpansion> Resolve(ProbePointSyntax point)
    {
        var text = NameComponent.Join(point.Components.Select(NameComponent.From));
        string? failure = null;
        var errorsBefore = _diagnostics.Count;
        var found = Expand(point.Components, [text], [], 0, point, ref failure);
        if (found.Count == 0 && point.IsOptional && failure is not null)
            DroppedOptionalPoints.Add($"'{text}' cannot be used: {failure}");
        if (found.Count == 0 && !point.IsOptional && _diagnostics.Count == errorsBefore)
        {
            if (failure is not null)
                _diagnostics.ReportUnsupportedProbePoint(point.Span, text, failure);
            else
                _diagnostics.ReportUnknownProbePoint(point.Span, text, Suggestions.Closest(text, AliasNames.Concat(_providers.Roots)));
        }
        return found.Select(e => e with { Condition = point.Condition }).ToImmutableArray();
    }

    private List<ProbeExpansion> Expand(
        ImmutableArray<ProbePointComponentSyntax> components, ImmutableArray<string> chain, ImmutableArray<ProbeAliasSyntax> aliases,
        int depth, ProbePointSyntax site, ref string? failure)
    {
        var results = new List<ProbeExpansion>();
        if (depth > MaxDepth)
        {
            _diagnostics.ReportAliasTooDeep(site.Span, chain[0]);
            return results;
        }
        var names = components.Select(NameComponent.From).ToImmutableArray();
        var matches = MatchAliases(names);
        foreach (var (alias, suffixLength) in matches)
        {
            var syntax = alias.Syntax ?? FindInFile(alias);
            if (syntax is null)
                continue;
            var suffix = components[(components.Length - suffixLength)..];
            foreach (var target in syntax.Targets)
            {
                var found = Expand([.. target.Components, .. suffix], chain.Add(alias.Text), aliases.Add(syntax), depth + 1, site, ref failure);
                results.AddRange(found);
                if (target.IsSufficient && found.Count > 0)
                    break;
            }
        }
        if (matches.Count > 0)
            return results;

        if (_providers.Find(names[0].Name) is not { } provider)
            return results;
        // Hundreds of aliases may name the same point (every syscall's is raw_syscalls:sys_enter): resolve it once.
        var key = NameComponent.Join(names);
        if (!_providerResolutions.TryGetValue(key, out var resolution))
            _providerResolutions[key] = resolution = provider.Resolve(components);
        failure ??= resolution.Failure;
        if (resolution.Alias is not null)
        {
            if (ProvidedAlias(key, resolution.Alias) is not { } provided)
                return results;
            foreach (var target in provided.Targets)
            {
                var found = Expand(target.Components, chain.Add(key), aliases.Add(provided), depth + 1, site, ref failure);
                results.AddRange(found.Select(e => resolution.AliasPointText is { } text ? e with { Point = e.Point with { Text = text } } : e));
            }
            return results;
        }
        foreach (var point in resolution.Points)
            results.Add(new ProbeExpansion(point, chain.Add(point.Text), aliases));
        return results;
    }

    /// <summary>The alias a provider gave for a point, parsed once; null (reported) when its text does not parse.</summary>
    private ProbeAliasSyntax? ProvidedAlias(string point, string text)
    {
        if (_providedAliases.TryGetValue(point, out var parsed))
            return parsed;
        var script = ScriptParser.ParseGenerated($"<{point}>", text, _diagnostics);
        return _providedAliases[point] = script?.Declarations.OfType<ProbeAliasSyntax>().FirstOrDefault();
    }

    /// <summary>The aliases a point names: exact-length matches, and shorter ones that pass a suffix on.</summary>
    private List<AliasMatch> MatchAliases(ImmutableArray<NameComponent> names)
    {
        IReadOnlyList<AliasEntry> candidates = Glob.HasWildcard(names[0].Name) ? _aliases
            : _aliasesByRoot.GetValueOrDefault(names[0].Name) ?? [];
        var exact = candidates.Where(a => a.Name.Length == names.Length && Matches(names, a.Name)).ToList();
        var result = exact.Select(a => new AliasMatch(a, 0)).ToList();
        foreach (var alias in candidates.Where(a => a.Name.Length < names.Length && Matches(names, a.Name)))
        {
            var suffix = names[alias.Name.Length..];
            if (suffix.Any(c => Glob.HasWildcard(c.Name)))
                continue;
            if (exact.Any(e => e.Name.Take(alias.Name.Length).SequenceEqual(alias.Name)))
                continue;
            result.Add(new AliasMatch(alias, suffix.Length));
        }
        return result;
    }

    /// <summary>Whether the first components of a pattern match every component of an alias name.</summary>
    private static bool Matches(ImmutableArray<NameComponent> pattern, ImmutableArray<NameComponent> alias)
    {
        for (var i = 0; i < alias.Length; i++)
        {
            if (!pattern[i].Matches(alias[i]))
                return false;
        }
        return true;
    }

    private readonly Dictionary<TapsetFile, Dictionary<string, ProbeAliasSyntax>> _fileAliases = new();

    /// <summary>The alias declaration behind a library name; its file is parsed (and its names declared) on first use.</summary>
    private ProbeAliasSyntax? FindInFile(AliasEntry alias)
    {
        var file = alias.File!;
        if (!_fileAliases.TryGetValue(file, out var byName))
        {
            _symbols.Load(file);
            byName = new Dictionary<string, ProbeAliasSyntax>(StringComparer.Ordinal);
            foreach (var declaration in file.Syntax?.Declarations.OfType<ProbeAliasSyntax>() ?? [])
            {
                foreach (var name in declaration.Names)
                    byName.TryAdd(NameComponent.Join(name.Components.Select(NameComponent.From)), declaration);
            }
            _fileAliases[file] = byName;
        }
        return byName.GetValueOrDefault(alias.Text);
    }
}
