using System.Collections.Immutable;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Binding;

/// <summary>
/// Resolves the names of probe handlers and functions: locals, globals (the script's and
/// the library's), functions, context variables. Functions are bound when first called.
/// Types are left to <see cref="TypeInference"/>. Split by construct into partial files.
/// </summary>
/// <param name="skipBadVariables">`--skip-badvars`: a context variable the point lacks reads as 0.</param>
/// <param name="elideConstantBranches">
/// Bind only the branch a literal condition takes (`if (0)`, `while (0)`, `1 ? a : b`), as stap's
/// first optimizer pass removes the other before types are checked; off with `-u`.
/// </param>
internal sealed partial class Binder(
    ProgramSymbols symbols, DiagnosticBag diagnostics, bool guruMode, bool skipBadVariables = false, bool elideConstantBranches = false)
{
    private readonly Queue<FunctionSymbol> _pendingFunctions = new();
    private readonly List<FunctionDefinition> _boundFunctions = new();
    private Dictionary<string, VariableSymbol> _scope = new(StringComparer.Ordinal);
    private List<LocalSymbol> _locals = new();
    private ResolvedProbePoint? _point;
    private FunctionSymbol? _function;
    private int _loopDepth;

    /// <summary>The functions bound so far, in the order they were reached.</summary>
    public IReadOnlyList<FunctionDefinition> BoundFunctions => _boundFunctions;

    /// <summary>Binds a probe's handler: alias prologues, the user's body, alias epilogues, in one scope.</summary>
    public BoundBlock BindProbe(ResolvedProbePoint point, IReadOnlyList<BlockStatementSyntax> parts, out ImmutableArray<LocalSymbol> locals)
    {
        StartBody(point, null);
        var statements = ImmutableArray.CreateBuilder<BoundStatement>();
        foreach (var part in parts)
            statements.Add(BindBlock(part));
        locals = [.. _locals];
        return new BoundBlock(parts[^1], statements.ToImmutable());
    }

    /// <summary>A probe point's `if (...)` condition: it may read globals only.</summary>
    public BoundExpression BindCondition(ExpressionSyntax condition)
    {
        StartBody(null, null);
        return BindExpression(condition);
    }

    /// <summary>Queues a function for binding even if nothing calls it (`-u`).</summary>
    public void BindFunction(string name, int arity)
    {
        if (symbols.FindFunction(name, arity, out var created) is { } function && created)
            _pendingFunctions.Enqueue(function);
    }

    /// <summary>Binds every function reached so far, and the ones they reach in turn.</summary>
    public void BindPendingFunctions()
    {
        while (_pendingFunctions.TryDequeue(out var function))
        {
            StartBody(null, function);
            foreach (var parameter in function.Parameters)
                _scope[parameter.Name] = parameter;
            var body = function.Syntax.Body is { } syntax ? BindBlock(syntax) : null;
            _boundFunctions.Add(new FunctionDefinition(function, body, [.. _locals]));
        }
    }

    private void StartBody(ResolvedProbePoint? point, FunctionSymbol? function)
    {
        _scope = new Dictionary<string, VariableSymbol>(StringComparer.Ordinal);
        _locals = new List<LocalSymbol>();
        _point = point;
        _function = function;
        _loopDepth = 0;
    }

    private LocalSymbol DeclareLocal(string name, SourceSpan span)
    {
        var local = new LocalSymbol(name, span);
        _scope[name] = local;
        _locals.Add(local);
        return local;
    }
}
