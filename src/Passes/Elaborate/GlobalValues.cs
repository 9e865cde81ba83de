using System.Collections.Immutable;
using System.Globalization;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// `-G NAME=VALUE`: the script's global NAME starts as VALUE, a number when VALUE reads as a
/// decimal number, else a string, in place of its own initializer. NAME must be a scalar global
/// the script declares.
/// </summary>
internal static class GlobalValues
{
    public static ScriptSyntax Apply(ScriptSyntax script, ImmutableDictionary<string, string> values, DiagnosticBag diagnostics)
    {
        if (values.IsEmpty)
            return script;
        var declared = script.Declarations.OfType<GlobalSyntax>().SelectMany(g => g.Variables).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in values.Keys.Where(name => !declared.Contains(name)).Order(StringComparer.Ordinal))
            diagnostics.ReportUnknownSetGlobal(name);
        return script with { Declarations = [.. script.Declarations.Select(d => d is GlobalSyntax global ? WithValues(global, values, diagnostics) : d)] };
    }

    private static GlobalSyntax WithValues(GlobalSyntax global, ImmutableDictionary<string, string> values, DiagnosticBag diagnostics) =>
        global with { Variables = [.. global.Variables.Select(variable => WithValue(variable, values, diagnostics))] };

    private static GlobalVariableSyntax WithValue(GlobalVariableSyntax variable, ImmutableDictionary<string, string> values, DiagnosticBag diagnostics)
    {
        if (!values.TryGetValue(variable.Name, out var value))
            return variable;
        if (variable.MaxEntries is not null || variable.Wraps)
        {
            diagnostics.ReportSetGlobalArray(variable.Span, variable.Name);
            return variable;
        }
        LiteralExpressionSyntax literal = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? new NumberLiteralSyntax(variable.Span, number, number.ToString(CultureInfo.InvariantCulture))
            : new StringLiteralSyntax(variable.Span, value);
        return variable with { Initializer = literal };
    }
}
