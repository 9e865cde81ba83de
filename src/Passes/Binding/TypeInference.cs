using Tapline.Passes.Diagnostics;
using Tapline.Passes.Text;

namespace Tapline.Passes.Binding;

/// <summary>
/// Infers the types of variables, array keys and values, and function results, as
/// SystemTap does: each use constrains the symbols it touches, over and over until
/// nothing changes; then one last walk reports conflicts (with both sites) and what
/// stayed unknown. Split by construct into partial files.
/// </summary>
internal sealed partial class TypeInference(DiagnosticBag diagnostics)
{
    private const int MaxRounds = 32;
    private bool _changed;
    private bool _report;
    private FunctionSymbol? _function;

    /// <summary>Runs inference over every body until it is stable, then reports.</summary>
    public void Run(IReadOnlyList<BoundBlock> probeBodies, IReadOnlyList<FunctionDefinition> functions)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            _changed = false;
            Walk(probeBodies, functions);
            if (!_changed)
                break;
        }
        foreach (var function in functions)
        {
            if (function.Symbol.ReturnType == ScriptType.Unknown && !ReturnsValue(function.Body))
                function.Symbol.ReturnType = ScriptType.Void;
        }
        _report = true;
        Walk(probeBodies, functions);
    }

    private void Walk(IReadOnlyList<BoundBlock> probeBodies, IReadOnlyList<FunctionDefinition> functions)
    {
        _function = null;
        foreach (var body in probeBodies)
            Statement(body);
        foreach (var function in functions)
        {
            _function = function.Symbol;
            if (function.Body is not null)
                Statement(function.Body);
        }
    }

    private void ConstrainVariable(VariableSymbol symbol, ScriptType type, SourceSpan site)
    {
        if (type is ScriptType.Unknown or ScriptType.Void)
            return;
        if (type == ScriptType.Histogram)
        {
            if (_report)
                diagnostics.ReportHistogramMisuse(site);
            return;
        }
        if (symbol.Type == ScriptType.Unknown)
        {
            symbol.Type = type;
            symbol.TypeOrigin = site;
            _changed = true;
        }
        else if (symbol.Type != type && _report)
            diagnostics.ReportTypeConflict(site, $"'{symbol.Name}'", ScriptTypes.Name(type), ScriptTypes.Name(symbol.Type), symbol.TypeOrigin);
    }

    private void ConstrainKey(GlobalSymbol array, int index, ScriptType type, SourceSpan site)
    {
        if (array.KeyTypes is not { } keys || index >= keys.Length || type is ScriptType.Unknown or ScriptType.Void)
            return;
        if (keys[index] == ScriptType.Unknown)
        {
            keys[index] = type;
            array.KeyTypeOrigins![index] = site;
            _changed = true;
        }
        // A statistic as a key is refused as such by the statistics check (STP2040), not as a type conflict.
        else if (keys[index] != type && type != ScriptType.Stats && keys[index] != ScriptType.Stats && _report)
        {
            diagnostics.ReportTypeConflict(site, $"key {index + 1} of '{array.Name}'", ScriptTypes.Name(type),
                ScriptTypes.Name(keys[index]), array.KeyTypeOrigins![index]);
        }
    }

    private void ConstrainReturn(FunctionSymbol function, ScriptType type, SourceSpan site)
    {
        if (type is ScriptType.Unknown or ScriptType.Void)
            return;
        if (function.ReturnType == ScriptType.Unknown)
        {
            function.ReturnType = type;
            function.ReturnTypeOrigin = site;
            _changed = true;
        }
        else if (function.ReturnType != type && _report)
        {
            diagnostics.ReportTypeConflict(site, $"the result of '{function.Name}'", ScriptTypes.Name(type),
                ScriptTypes.Name(function.ReturnType), function.ReturnTypeOrigin);
        }
    }

    /// <summary>After the last round: every symbol still without a type is reported where it was declared.</summary>
    public void ReportUnresolved(IEnumerable<VariableSymbol> variables, IEnumerable<FunctionSymbol> functions)
    {
        foreach (var variable in variables)
        {
            if (variable.Type == ScriptType.Unknown && !variable.IsPoisoned)
                diagnostics.ReportUnresolvedType(variable.Declared, $"'{variable.Name}'");
            if (variable is GlobalSymbol { KeyTypes: { } keys } array && keys.Any(k => k == ScriptType.Unknown))
                diagnostics.ReportUnresolvedType(array.Declared, $"the keys of '{array.Name}'");
        }
        foreach (var function in functions.Where(f => f.ReturnType == ScriptType.Unknown))
            diagnostics.ReportUnresolvedType(function.Syntax.Span, $"the result of '{function.Name}'");
    }

    private static bool ReturnsValue(BoundStatement? statement) => statement switch
    {
        null => false,
        BoundReturn { Value: not null } => true,
        BoundBlock block => block.Statements.Any(ReturnsValue),
        BoundIf ifStatement => ReturnsValue(ifStatement.Then) || ReturnsValue(ifStatement.Else),
        BoundWhile loop => ReturnsValue(loop.Body),
        BoundFor loop => ReturnsValue(loop.Body),
        BoundForeach loop => ReturnsValue(loop.Body),
        BoundTry tryStatement => ReturnsValue(tryStatement.Body) || ReturnsValue(tryStatement.Handler),
        _ => false,
    };
}
