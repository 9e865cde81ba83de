using System.Collections.Immutable;
using Antlr4.Runtime;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// Turns ANTLR's parse tree of one file into Tapline's syntax tree, checking what
/// the grammar leaves open (literals, probe point names, types, `@` operators).
/// Runs only on a parse without syntax errors. Split by construct into partial files.
/// Embedded code is refused unless <paramref name="allowEmbedded"/> (guru mode, or a tapset file).
/// </summary>
internal sealed partial class SyntaxBuilder(SourceText source, DiagnosticBag diagnostics, bool allowEmbedded)
{
    private int _nodeCount;
    private readonly HashSet<string> _globalNames = new(StringComparer.Ordinal);

    public ScriptSyntax Build(StapParser.ScriptContext script)
    {
        var declarations = script.declaration().Select(BuildDeclaration).ToImmutableArray();
        _nodeCount++;
        return new ScriptSyntax(source, declarations, _nodeCount);
    }

    private T Node<T>(T node) where T : SyntaxNode
    {
        _nodeCount++;
        return node;
    }

    private static SourceSpan Span(ParserRuleContext context)
    {
        var start = (SourceToken)context.Start;
        if (context.Stop is not SourceToken stop || stop.Source != start.Source || stop.StopIndex < start.StartIndex)
            return start.Span;
        return SourceSpan.FromBounds(start.Source, start.StartIndex, stop.StopIndex + 1);
    }

    private static SourceSpan Span(IToken token) => ((SourceToken)token).Span;

    /// <summary>True while a function's body is built: only there may `return` stand.</summary>
    private bool _inFunction;

    private DeclarationSyntax BuildDeclaration(StapParser.DeclarationContext context)
    {
        if (context.probeDeclaration() is { } probe)
        {
            return Node(new ProbeSyntax(Span(probe), BuildProbePoints(probe.probePoints()), BuildBlock(probe.block())));
        }
        if (context.aliasDeclaration() is { } alias)
            return BuildAlias(alias);
        if (context.functionDeclaration() is { } function)
            return BuildFunction(function);
        if (context.globalDeclaration() is { } global)
            return BuildGlobal(global);
        var embedded = context.EMBEDDED().Symbol;
        return Node(new EmbeddedDeclarationSyntax(Span(embedded), BuildEmbedded(embedded)));
    }

    private static bool IsMarked(ProbePointSyntax point) => point.IsOptional || point.IsSufficient || point.Condition is not null;

    private ProbeAliasSyntax BuildAlias(StapParser.AliasDeclarationContext context)
    {
        var names = BuildProbePoints(context.names);
        foreach (var name in names.Where(IsMarked))
            diagnostics.ReportDecoratedAliasName(name.Span);
        var targets = BuildProbePoints(context.targets);
        return Node(new ProbeAliasSyntax(Span(context), names, context.ADD_ASSIGN() is not null, targets, BuildBlock(context.block())));
    }

    private ImmutableArray<ProbePointSyntax> BuildProbePoints(StapParser.ProbePointsContext context) =>
        context.probePoint().SelectMany(point => BuildProbePoint(point)).ToImmutableArray();

    /// <summary>
    /// One written probe point, as the points it stands for: a brace group of alternatives
    /// multiplies out (`syscall.{open,close}.return` is two points). Marks and a condition
    /// may stand only at the end, inside the last group or after it, not both.
    /// </summary>
    private ImmutableArray<ProbePointSyntax> BuildProbePoint(StapParser.ProbePointContext context)
    {
        var span = Span(context);
        var points = ImmutableArray.Create(new ProbePointSyntax(span, [], false, false, null));
        foreach (var component in context.component())
        {
            var alternatives = component is StapParser.BraceComponentContext brace
                ? BuildProbePoints(brace.probePoints())
                : [Node(new ProbePointSyntax(span, [BuildComponent((StapParser.NamedComponentContext)component)], false, false, null))];
            if (points.Any(IsMarked))
                diagnostics.ReportProbePointMarkRepeated(Span(component));
            points = points.SelectMany(prefix => alternatives.Select(suffix => prefix with
            {
                Components = prefix.Components.AddRange(suffix.Components),
                IsOptional = suffix.IsOptional,
                IsSufficient = suffix.IsSufficient,
                Condition = suffix.Condition,
            })).ToImmutableArray();
        }
        return ApplyMarks(context, points);
    }

    private ImmutableArray<ProbePointSyntax> ApplyMarks(StapParser.ProbePointContext context, ImmutableArray<ProbePointSyntax> points)
    {
        var optional = context.QUESTION();
        var sufficient = context.BANG();
        if (optional.Length > 1)
            diagnostics.ReportDuplicateProbePointMark(Span(optional[1].Symbol), "?");
        if (sufficient.Length > 1)
            diagnostics.ReportDuplicateProbePointMark(Span(sufficient[1].Symbol), "!");
        var condition = context.expression() is { } expression ? BuildExpression(expression) : null;
        if (optional.Length + sufficient.Length == 0 && condition is null)
            return points;
        if (points.Any(IsMarked))
            diagnostics.ReportProbePointMarkRepeated(Span(optional.Concat(sufficient).Select(mark => mark.Symbol).FirstOrDefault() ?? context.IF().Symbol));
        return points.Select(point => point with
        {
            IsOptional = optional.Length > 0,
            IsSufficient = sufficient.Length > 0,
            Condition = condition,
        }).ToImmutableArray();
    }

    private ProbePointComponentSyntax BuildComponent(StapParser.NamedComponentContext context)
    {
        var pieces = context.componentName().namePiece();
        for (var i = 1; i < pieces.Length; i++)
        {
            var previous = (SourceToken)pieces[i - 1].Start;
            var current = (SourceToken)pieces[i].Start;
            if (current.Source != previous.Source || current.StartIndex != previous.StopIndex + 1)
            {
                diagnostics.ReportSpaceInProbePointName(current.Span);
                break;
            }
        }
        var name = string.Concat(pieces.Select(p => p.GetText()));
        var argument = context.componentArgument() is { } literal
            ? BuildLiteral(literal.STRING()?.Symbol, literal.NUMBER()?.Symbol, literal.MINUS() is not null, Span(literal))
            : null;
        return Node(new ProbePointComponentSyntax(Span(context), name, argument));
    }

    private FunctionSyntax BuildFunction(StapParser.FunctionDeclarationContext context)
    {
        var returnType = context.typeName() is { } type ? CheckType(type) : null;
        var parameters = context.parameter()
            .Select(p => Node(new ParameterSyntax(Span(p), p.IDENTIFIER().GetText(), p.typeName() is { } t ? CheckType(t) : null)))
            .ToImmutableArray();
        foreach (var repeated in parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            diagnostics.ReportDuplicateParameter(repeated.Skip(1).First().Span, repeated.Key);
        _inFunction = true;
        var body = context.block() is { } block ? BuildBlock(block) : null;
        _inFunction = false;
        var embedded = context.EMBEDDED() is { } code ? BuildEmbedded(code.Symbol) : null;
        return Node(new FunctionSyntax(
            Span(context), context.PRIVATE() is not null, context.IDENTIFIER().GetText(), returnType, parameters, body, embedded));
    }

    private string CheckType(StapParser.TypeNameContext type)
    {
        var name = type.GetText();
        if (name is not ("long" or "string"))
            diagnostics.ReportUnknownType(Span(type), name);
        return name;
    }

    private GlobalSyntax BuildGlobal(StapParser.GlobalDeclarationContext context)
    {
        var variables = context.globalVariable().Select(BuildGlobalVariable).ToImmutableArray();
        foreach (var variable in variables.Where(v => !_globalNames.Add(v.Name)))
            diagnostics.ReportDuplicateGlobal(variable.Span, variable.Name);
        return Node(new GlobalSyntax(Span(context), context.PRIVATE() is not null, variables));
    }

    private GlobalVariableSyntax BuildGlobalVariable(StapParser.GlobalVariableContext context)
    {
        long? size = context.NUMBER() is { } number ? ParseNumber(number.Symbol, negate: false) : null;
        if (size is <= 0)
            diagnostics.ReportArraySizeNotPositive(Span(context.NUMBER().Symbol), context.NUMBER().GetText());
        var initializer = context.literal() is { } literal
            ? BuildLiteral(literal.STRING()?.Symbol, literal.NUMBER()?.Symbol, literal.MINUS() is not null, Span(literal))
            : null;
        if (initializer is not null && (size is not null || context.PERCENT() is not null))
            diagnostics.ReportArrayInitialized(initializer.Span, context.IDENTIFIER().GetText());
        return Node(new GlobalVariableSyntax(Span(context), context.IDENTIFIER().GetText(), size, context.PERCENT() is not null, initializer));
    }

    private EmbeddedCodeSyntax BuildEmbedded(IToken token)
    {
        if (!allowEmbedded)
            diagnostics.ReportEmbeddedCodeNeedsGuru(Span(token));
        return Node(new EmbeddedCodeSyntax(Span(token), token.Text[2..^2]));
    }
}
