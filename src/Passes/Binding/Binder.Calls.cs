using System.Collections.Immutable;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Binding;

internal sealed partial class Binder
{
    private BoundExpression BindCall(CallExpressionSyntax call)
    {
        var arguments = call.Arguments.Select(BindExpression).ToImmutableArray();
        if (BuiltinFunction.All.TryGetValue(call.Function, out var builtin))
            return BindBuiltinCall(call, builtin, arguments);

        var function = symbols.FindFunction(call.Function, arguments.Length, out var created);
        if (function is not null)
        {
            if (created)
                _pendingFunctions.Enqueue(function);
            return new BoundCall(call, function, arguments);
        }
        var arities = symbols.AritiesOf(call.Function);
        if (arities.Count > 0)
        {
            var expected = string.Join(" or ", arities) + (arities is [1] ? " argument" : " arguments");
            diagnostics.ReportWrongArgumentCount(call.Span, call.Function, expected, arguments.Length);
        }
        else if (UnavailableHere.ReasonFor(call.Function) is { } reason)
            diagnostics.ReportUnavailableOperator(call.Span, call.Function, reason);
        else
            diagnostics.ReportUnknownFunction(call.Span, call.Function, Suggestions.Closest(call.Function, symbols.KnownFunctionNames));
        return new BoundErrorExpression(call);
    }

    private BoundExpression BindBuiltinCall(CallExpressionSyntax call, BuiltinFunction builtin, ImmutableArray<BoundExpression> arguments)
    {
        // Pass 1 has checked the print family's shape (a literal format or delimiter, enough values), as stap's parser does.
        if (builtin.Name == "print_hist" && arguments.Length != 1)
        {
            diagnostics.ReportWrongArgumentCount(call.Span, call.Function, "1 argument", arguments.Length);
            return new BoundErrorExpression(call);
        }
        if (builtin.HasFormat)
            CheckFormat(call, arguments);
        return new BoundBuiltinCall(call, builtin, arguments);
    }

    /// <summary>A printf format's conversions must match the arguments in number (the format is a literal: pass 1 admits no other).</summary>
    private void CheckFormat(CallExpressionSyntax call, ImmutableArray<BoundExpression> arguments)
    {
        var format = (StringLiteralSyntax)call.Arguments[0];
        var types = PrintfFormat.ArgumentTypes(format.Value, out var problem);
        if (types is null)
            diagnostics.ReportFormatProblem(format.Span, call.Function, problem!);
        else if (types.Count != arguments.Length - 1)
            diagnostics.ReportFormatProblem(call.Span, call.Function,
                $"the format has {types.Count} conversion(s), but {arguments.Length - 1} value(s) were given");
    }

    private BoundExpression BindContextVariable(TargetExpressionSyntax target)
    {
        if (_point is null)
        {
            diagnostics.ReportContextVariableOutsideProbe(target.Span, target.Name);
            return new BoundErrorExpression(target);
        }
        var name = ContextVariableName(target.Name);
        var prettyPrinted = target.Name.EndsWith('$') && !target.Name.StartsWith("$$", StringComparison.Ordinal);
        // A member the probed point records on its own (a tracepoint's `$prev->pid`) is a variable of its own.
        if (target.Members is [FieldAccessSyntax access] && !prettyPrinted && _point.FindContextVariable($"{name}->{access.Field}") is { } recorded)
            return new BoundContextVariable(target, recorded, []);
        var variable = _point.FindContextVariable(name);
        if (variable is null && skipBadVariables)
            return new BoundLiteral(target, 0L);
        if (variable is null)
        {
            diagnostics.ReportUnknownContextVariable(target.Span, target.Name, _point.Text,
                _point.ContextVariables.Select(v => "$" + v.Name));
            return new BoundErrorExpression(target);
        }
        var indexes = ImmutableArray.CreateBuilder<BoundExpression>();
        foreach (var member in target.Members)
        {
            if (member is FieldAccessSyntax)
            {
                diagnostics.ReportNeedsDebuginfo(member.Span, $"following '->' from '{target.Name}'");
                return new BoundErrorExpression(target);
            }
            if (member is PrettyPrintSuffixSyntax)
            {
                diagnostics.ReportNeedsDebuginfo(member.Span, $"pretty-printing an element of '{target.Name}'");
                return new BoundErrorExpression(target);
            }
            indexes.Add(BindExpression(((ElementAccessSyntax)member).Index));
        }
        if (indexes.Count != variable.IndexCount && !prettyPrinted)
        {
            diagnostics.ReportContextVariableIndex(target.Span, target.Name, variable.IndexCount);
            return new BoundErrorExpression(target);
        }
        if (prettyPrinted)
            variable = variable with { Name = variable.Name + "$", Type = ScriptType.String, IndexCount = 0, IsWritable = false };
        return new BoundContextVariable(target, variable, indexes.ToImmutable());
    }

    /// <summary>`$name` is "name", `$$vars` is "$vars", and a trailing `$` or `$$` (pretty printing) is dropped.</summary>
    private static string ContextVariableName(string written)
    {
        var name = written[1..];
        if (!name.StartsWith('$'))
            name = name.TrimEnd('$');
        else if (name.EndsWith("$$", StringComparison.Ordinal) && name.Length > 2)
            name = name[..^2];
        else if (name.EndsWith('$') && name.Length > 1)
            name = name[..^1];
        return name;
    }
}
