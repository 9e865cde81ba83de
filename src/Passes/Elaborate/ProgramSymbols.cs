using System.Collections.Immutable;
using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Parse;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// The globals and functions a program can reach: the script's own, then the tapset
/// library's, whose files are parsed when one of their names is first looked up.
/// </summary>
internal sealed class ProgramSymbols
{
    private readonly TapsetLibrary _library;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, GlobalSymbol> _globals = new(StringComparer.Ordinal);
    // Functions overload by their number of parameters, as stap's do: `user_string(p)` and `user_string(p, default)`.
    private readonly Dictionary<(string Name, int Arity), FunctionSyntax> _functionSyntax = new();
    private readonly Dictionary<(string Name, int Arity), FunctionSymbol> _functions = new();
    private readonly HashSet<TapsetFile> _loaded = new();
    private readonly List<ScriptSyntax> _loadedSyntax = new();

    /// <summary>The library files loaded so far, in the order they were: their probes run with the script's, as in stap.</summary>
    public IReadOnlyList<ScriptSyntax> LoadedLibraryFiles => _loadedSyntax;

    public ProgramSymbols(ScriptSyntax script, TapsetLibrary library, DiagnosticBag diagnostics)
    {
        _library = library;
        _diagnostics = diagnostics;
        Declare(script);
    }

    public IEnumerable<GlobalSymbol> Globals => _globals.Values;

    /// <summary>Functions whose symbols exist: the ones looked up so far.</summary>
    public IEnumerable<FunctionSymbol> Functions => _functions.Values;

    public IEnumerable<string> KnownFunctionNames =>
        _functionSyntax.Keys.Select(k => k.Name).Concat(_library.Files.SelectMany(f => f.FunctionNames)).Concat(BuiltinFunction.All.Keys).Distinct();

    public GlobalSymbol? FindGlobal(string name)
    {
        if (_globals.TryGetValue(name, out var global))
            return global;
        foreach (var file in _library.DeclaringGlobal(name))
            Load(file);
        return _globals.GetValueOrDefault(name);
    }

    /// <summary>The numbers of parameters <paramref name="name"/> is declared with, fewest first; none for an unknown name.</summary>
    public IReadOnlyList<int> AritiesOf(string name)
    {
        LoadDeclaring(name);
        return [.. _functionSyntax.Keys.Where(k => k.Name == name).Select(k => k.Arity).Order()];
    }

    /// <summary>The function's symbol for a call with <paramref name="arity"/> arguments (created on first lookup; its body is bound by the caller).</summary>
    public FunctionSymbol? FindFunction(string name, int arity, out bool created)
    {
        created = false;
        if (_functions.TryGetValue((name, arity), out var function))
            return function;
        LoadDeclaring(name);
        if (!_functionSyntax.TryGetValue((name, arity), out var syntax))
            return null;
        var parameters = syntax.Parameters
            .Select((p, i) => new ParameterSymbol(p.Name, p.Span, i) { Type = ScriptTypes.FromName(p.Type) ?? ScriptType.Unknown, TypeOrigin = p.Type is null ? null : p.Span })
            .ToImmutableArray();
        function = new FunctionSymbol(syntax, parameters);
        if (ScriptTypes.FromName(syntax.ReturnType) is { } declared)
        {
            function.ReturnType = declared;
            function.ReturnTypeOrigin = syntax.Span;
        }
        _functions[(name, arity)] = function;
        created = true;
        return function;
    }

    /// <summary>The script declares its functions; the library's are loaded with the files declaring the name.</summary>
    private void LoadDeclaring(string name)
    {
        if (_functionSyntax.Keys.Any(k => k.Name == name))
            return;
        foreach (var file in _library.DeclaringFunction(name))
            Load(file);
    }

    /// <summary>Makes a library file's declarations known; its syntax tree is parsed now.</summary>
    public void Load(TapsetFile file)
    {
        if (!_loaded.Add(file) || file.Syntax is not { } syntax)
            return;
        _loadedSyntax.Add(syntax);
        Declare(syntax);
    }

    private void Declare(ScriptSyntax syntax)
    {
        foreach (var declaration in syntax.Declarations)
        {
            switch (declaration)
            {
                case GlobalSyntax global:
                    foreach (var variable in global.Variables)
                        DeclareGlobal(variable);
                    break;
                case FunctionSyntax function when _functionSyntax.TryGetValue((function.Name, function.Parameters.Length), out var first):
                    _diagnostics.ReportDuplicateDeclaration(function.Span, "function", function.Name, first.Span);
                    break;
                case FunctionSyntax function:
                    _functionSyntax[(function.Name, function.Parameters.Length)] = function;
                    break;
            }
        }
    }

    private void DeclareGlobal(GlobalVariableSyntax variable)
    {
        if (_globals.TryGetValue(variable.Name, out var first))
        {
            _diagnostics.ReportDuplicateDeclaration(variable.Span, "global", variable.Name, first.Declared);
            return;
        }
        var symbol = new GlobalSymbol(variable.Name, variable.Span, variable);
        if (variable.Initializer is { } initializer)
        {
            symbol.Type = initializer is StringLiteralSyntax ? ScriptType.String : ScriptType.Long;
            symbol.TypeOrigin = initializer.Span;
        }
        _globals[variable.Name] = symbol;
    }
}
