using System.Collections.Immutable;
using Tapline.Passes.Binding;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// Pass 2: matches probe points against aliases and providers, expands aliases and
/// wildcards, binds every handler and the functions it reaches, and infers types.
/// Library files are parsed here, when a name they declare is first needed.
/// </summary>
public sealed class ElaboratePass : IPass<ParsedProgram, ElaboratedProgram>
{
    public PassInfo Info { get; } = new(2, PassNames.Elaborate);

    public ElaboratedProgram Run(ParsedProgram input, PassContext context)
    {
        var diagnostics = context.Diagnostics;
        var script = GlobalValues.Apply(input.Script, context.Options.GlobalValues, diagnostics);
        var symbols = new ProgramSymbols(script, input.Library, diagnostics);
        var resolver = new ProbePointResolver(script, input.Library, context.Services.Get<ProbeProviderRegistry>(), symbols, diagnostics);
        var binder = new Binder(symbols, diagnostics, context.Options.GuruMode, context.Options.SkipBadVariables,
            elideConstantBranches: !context.Options.KeepUnused);

        var probes = ImmutableArray.CreateBuilder<BoundProbe>();
        void BindProbes(ScriptSyntax file)
        {
            foreach (var probe in file.Declarations.OfType<ProbeSyntax>())
            {
                foreach (var expansion in resolver.Resolve(probe.Points))
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    var body = binder.BindProbe(expansion.Point, expansion.BodyParts(probe.Body), out var locals);
                    var condition = expansion.Condition is null ? null : binder.BindCondition(expansion.Condition);
                    probes.Add(new BoundProbe(expansion.Point, expansion.Chain, body, locals, condition, probe));
                }
            }
        }
        BindProbes(script);
        if (context.Options.KeepUnused)
        {
            foreach (var function in script.Declarations.OfType<FunctionSyntax>())
                binder.BindFunction(function.Name, function.Parameters.Length);
        }
        binder.BindPendingFunctions();
        // A library file brought in by a global, function or alias brings its own probes too; binding
        // them may bring in more files.
        for (var file = 0; file < symbols.LoadedLibraryFiles.Count; file++)
        {
            BindProbes(symbols.LoadedLibraryFiles[file]);
            binder.BindPendingFunctions();
        }

        if (probes.Count == 0 && !diagnostics.HasErrors)
            diagnostics.ReportNoProbes(script.Declarations.FirstOrDefault()?.Span ?? new Text.SourceSpan(script.Source, 0, 0), resolver.DroppedOptionalPoints);

        var functions = binder.BoundFunctions;
        var bodies = probes.Select(p => p.Body)
            .Concat(probes.Where(p => p.Condition is not null).Select(p => new BoundBlock(p.Syntax, [new BoundExpressionStatement(p.Syntax, p.Condition!)])))
            .ToList();
        var globals = ReferencedGlobals(bodies, functions, context.Options.KeepUnused ? symbols.Globals : []);
        // A name or call the binder refused has no type: the types it leaves unknown are cascades.
        var bindingFailed = diagnostics.HasErrors;
        var inference = new TypeInference(bindingFailed ? new Diagnostics.DiagnosticBag() : diagnostics);
        inference.Run(bodies, functions);
        inference.ReportUnresolved(
            probes.SelectMany(p => p.Locals).Cast<VariableSymbol>()
                .Concat(functions.SelectMany(f => f.Parameters.Cast<VariableSymbol>().Concat(f.Locals)))
                .Concat(globals),
            functions.Select(f => f.Symbol));

        var statistics = StatisticsUse.InElaboration(diagnostics, checkLocals: context.Options.KeepUnused);
        foreach (var body in bodies.Concat(functions.Select(f => f.Body)))
            statistics.Walk(body);
        CheckArrayOptions(globals, diagnostics);
        HistogramUse.Check(bodies.Concat(functions.Select(f => f.Body).OfType<BoundBlock>()), diagnostics);
        foreach (var probe in probes)
            EntryUse.Check(probe, diagnostics);
        // What is unused or never assigned in a script that failed is no news: stap elides only what it could resolve.
        if (!diagnostics.HasErrors)
        {
            foreach (var body in probes.Select(p => p.Body).Concat(functions.Select(f => f.Body)))
                NeverAssignedLocals.Report(body, script.Source, diagnostics);
            if (!context.Options.KeepUnused)
                ReportUnused(script, globals, functions, diagnostics);
        }

        var displayed = probes.Count;
        if (!diagnostics.HasErrors && DisplayScript(script, globals, bodies, functions, diagnostics) is { } display)
        {
            BindProbes(display);
            var displayBodies = probes.Skip(displayed).Select(p => p.Body).ToList();
            new TypeInference(diagnostics).Run(displayBodies, functions);
        }

        return new ElaboratedProgram(probes.ToImmutable(), [.. functions], globals, input.Library.ParsedFileCount) { Script = script.Source };
    }

    /// <summary>`global x%` and `global x[N]` declare arrays: on a scalar they are refused, as stap refuses them.</summary>
    private static void CheckArrayOptions(IEnumerable<GlobalSymbol> globals, Diagnostics.DiagnosticBag diagnostics)
    {
        foreach (var global in globals.Where(g => !g.IsArray && g.Syntax is not null))
        {
            if (global.Syntax!.Wraps)
                diagnostics.ReportScalarWithArrayOptions(global.Syntax.Span, global.Name, "'%' (wrapping)");
            else if (global.Syntax.MaxEntries is { } size)
                diagnostics.ReportScalarWithArrayOptions(global.Syntax.Span, global.Name, $"a size ([{size}])");
        }
    }

    /// <summary>stap's warnings for the script's globals and functions that nothing uses (and that it leaves out).</summary>
    private static void ReportUnused(
        ScriptSyntax script, IReadOnlyCollection<GlobalSymbol> used, IReadOnlyCollection<FunctionDefinition> bound, Diagnostics.DiagnosticBag diagnostics)
    {
        var usedNames = used.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in script.Declarations.OfType<GlobalSyntax>().SelectMany(g => g.Variables))
        {
            if (!usedNames.Contains(variable.Name))
                diagnostics.ReportElidedVariable(variable.Span, variable.Name);
        }
        var boundSyntax = bound.Select(f => f.Symbol.Syntax).ToHashSet();
        foreach (var function in script.Declarations.OfType<FunctionSyntax>())
        {
            if (!boundSyntax.Contains(function))
                diagnostics.ReportElidedFunction(function.Span, function.Name);
        }
    }

    /// <summary>The `end` probes that print the script's written-but-unread globals, as stap adds them, parsed; or null.</summary>
    private static ScriptSyntax? DisplayScript(
        ScriptSyntax script, IEnumerable<GlobalSymbol> globals, IEnumerable<BoundBlock> bodies, IEnumerable<FunctionDefinition> functions,
        Diagnostics.DiagnosticBag diagnostics)
    {
        var access = new GlobalAccess();
        foreach (var body in bodies)
            access.Walk(body);
        foreach (var function in functions)
            access.Walk(function.Body);
        if (GlobalDisplay.Script(GlobalDisplay.Unread(globals, script, access)) is not { } text)
            return null;
        return ScriptParser.ParseGenerated("<global display>", text, diagnostics);
    }

    /// <summary>The globals that handlers and functions use (all of them with `-u`).</summary>
    private static ImmutableArray<GlobalSymbol> ReferencedGlobals(
        IEnumerable<BoundBlock> bodies, IEnumerable<FunctionDefinition> functions, IEnumerable<GlobalSymbol> alwaysKept)
    {
        var usage = new SymbolUsage();
        foreach (var body in bodies)
            usage.Walk(body);
        foreach (var function in functions)
            usage.Walk(function.Body);
        usage.Globals.UnionWith(alwaysKept);
        return [.. usage.Globals];
    }
}
