using System.Text;

namespace Tapline.Passes.Syntax;

/// <summary>
/// Prints a syntax tree back as canonically formatted `.stp` text. Printing is a
/// fixed point: parsing the printed text and printing it again gives the same text.
/// Parentheses are printed only where precedence needs them; simple statements end
/// in `;`, so no statement can run into the next one.
/// </summary>
public sealed partial class SyntaxPrinter
{
    private const string IndentUnit = "  ";

    /// <summary>Deeper statements are not indented further: the printout stays linear in the script.</summary>
    private const int MaxIndentLevels = 40;
    private readonly StringBuilder _text = new();
    private int _indent;

    public static string Print(ScriptSyntax script)
    {
        var printer = new SyntaxPrinter();
        printer.WriteScript(script);
        return printer._text.ToString();
    }

    public static string Print(ExpressionSyntax expression)
    {
        var printer = new SyntaxPrinter();
        printer.WriteExpression(expression);
        return printer._text.ToString();
    }

    private void WriteScript(ScriptSyntax script)
    {
        for (var i = 0; i < script.Declarations.Length; i++)
        {
            if (i > 0)
                _text.Append('\n');
            WriteDeclaration(script.Declarations[i]);
        }
    }

    private void WriteDeclaration(DeclarationSyntax declaration)
    {
        switch (declaration)
        {
            case ProbeSyntax probe:
                _text.Append("probe ");
                WriteProbePoints(probe.Points);
                _text.Append(' ');
                WriteBlock(probe.Body);
                _text.Append('\n');
                break;
            case ProbeAliasSyntax alias:
                _text.Append("probe ");
                WriteProbePoints(alias.Names);
                _text.Append(alias.IsEpilogue ? " += " : " = ");
                WriteProbePoints(alias.Targets);
                _text.Append(' ');
                WriteBlock(alias.Body);
                _text.Append('\n');
                break;
            case FunctionSyntax function:
                WriteFunction(function);
                break;
            case GlobalSyntax global:
                WriteGlobal(global);
                break;
            case EmbeddedDeclarationSyntax embedded:
                WriteEmbedded(embedded.Code);
                _text.Append('\n');
                break;
            default:
                throw new InvalidOperationException($"unexpected declaration {declaration.GetType().Name}");
        }
    }

    private void WriteFunction(FunctionSyntax function)
    {
        if (function.IsPrivate)
            _text.Append("private ");
        _text.Append("function ").Append(function.Name);
        if (function.ReturnType is not null)
            _text.Append(':').Append(function.ReturnType);
        _text.Append(" (");
        for (var i = 0; i < function.Parameters.Length; i++)
        {
            if (i > 0)
                _text.Append(", ");
            var parameter = function.Parameters[i];
            _text.Append(parameter.Name);
            if (parameter.Type is not null)
                _text.Append(':').Append(parameter.Type);
        }
        _text.Append(") ");
        if (function.Body is not null)
            WriteBlock(function.Body);
        else
            WriteEmbedded(function.EmbeddedBody!);
        _text.Append('\n');
    }

    private void WriteGlobal(GlobalSyntax global)
    {
        if (global.IsPrivate)
            _text.Append("private ");
        _text.Append("global ");
        for (var i = 0; i < global.Variables.Length; i++)
        {
            if (i > 0)
                _text.Append(", ");
            var variable = global.Variables[i];
            _text.Append(variable.Name);
            if (variable.Wraps)
                _text.Append('%');
            if (variable.MaxEntries is { } size)
                _text.Append('[').Append(size).Append(']');
            if (variable.Initializer is not null)
            {
                _text.Append(" = ");
                WriteExpression(variable.Initializer);
            }
        }
        _text.Append('\n');
    }

    private void WriteProbePoints(IReadOnlyList<ProbePointSyntax> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
                _text.Append(", ");
            WriteProbePoint(points[i]);
        }
    }

    private void WriteProbePoint(ProbePointSyntax point)
    {
        for (var i = 0; i < point.Components.Length; i++)
        {
            if (i > 0)
                _text.Append('.');
            var component = point.Components[i];
            _text.Append(component.Name);
            if (component.Argument is not null)
            {
                _text.Append('(');
                WriteExpression(component.Argument);
                _text.Append(')');
            }
        }
        if (point.IsOptional)
            _text.Append('?');
        if (point.IsSufficient)
            _text.Append('!');
        if (point.Condition is not null)
        {
            _text.Append(" if (");
            WriteExpression(point.Condition);
            _text.Append(')');
        }
    }

    private void WriteEmbedded(EmbeddedCodeSyntax code) => _text.Append("%{").Append(code.Code).Append("%}");

    private void WriteIndent()
    {
        for (var i = 0; i < Math.Min(_indent, MaxIndentLevels); i++)
            _text.Append(IndentUnit);
    }
}
