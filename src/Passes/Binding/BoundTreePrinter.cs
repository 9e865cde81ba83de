using System.Globalization;
using System.Text;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Binding;

/// <summary>
/// Writes a bound tree back as script text, as it stands after the pass that made it: the
/// branch a constant condition took, what the optimizer left, each name resolved. Operators
/// are parenthesized, so the text shows the tree's shape. Statements are in this file,
/// expressions in BoundTreePrinter.Expressions.cs; every node kind is listed.
/// </summary>
public sealed partial class BoundTreePrinter
{
    private const string Indentation = "  ";

    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>The statement, each line indented by <paramref name="depth"/> steps, ending in a newline.</summary>
    public static string Print(BoundStatement statement, int depth = 0)
    {
        var printer = new BoundTreePrinter { _depth = depth };
        printer.Line(statement);
        return printer._text.ToString();
    }

    private void Line(BoundStatement statement)
    {
        _text.Append(string.Concat(Enumerable.Repeat(Indentation, _depth)));
        Write(statement);
        _text.Append('\n');
    }

    private void Write(BoundStatement statement)
    {
        switch (statement)
        {
            case BoundBlock block:
                WriteBlock(block);
                break;
            case BoundExpressionStatement expression:
                Write(expression.Expression);
                break;
            case BoundIf ifStatement:
                _text.Append("if (");
                Write(ifStatement.Condition);
                _text.Append(") ");
                Write(ifStatement.Then);
                if (ifStatement.Else is not null)
                {
                    _text.Append(" else ");
                    Write(ifStatement.Else);
                }
                break;
            case BoundWhile loop:
                _text.Append("while (");
                Write(loop.Condition);
                _text.Append(") ");
                Write(loop.Body);
                break;
            case BoundFor loop:
                _text.Append("for (");
                WriteOptional(loop.Initializer);
                _text.Append("; ");
                WriteOptional(loop.Condition);
                _text.Append("; ");
                WriteOptional(loop.Step);
                _text.Append(") ");
                Write(loop.Body);
                break;
            case BoundForeach loop:
                WriteForeach(loop);
                break;
            case BoundTry tryStatement:
                _text.Append("try ");
                WriteBlock(tryStatement.Body);
                _text.Append(" catch ");
                if (tryStatement.CatchVariable is { } caught)
                    _text.Append('(').Append(caught.Name).Append(") ");
                WriteBlock(tryStatement.Handler);
                break;
            case BoundReturn returnStatement:
                _text.Append("return");
                if (returnStatement.Value is not null)
                {
                    _text.Append(' ');
                    Write(returnStatement.Value);
                }
                break;
            case BoundBreak:
                _text.Append("break");
                break;
            case BoundContinue:
                _text.Append("continue");
                break;
            case BoundNext:
                _text.Append("next");
                break;
            case BoundDelete delete:
                _text.Append("delete ");
                Write(delete.Target);
                break;
            case BoundEmbedded embedded:
                _text.Append("%{").Append(embedded.Code).Append("%}");
                break;
            default:
                throw new InvalidOperationException($"the bound-tree printer has no case for {statement.GetType().Name}");
        }
    }

    private void WriteBlock(BoundBlock block)
    {
        if (block.Statements.Length == 0)
        {
            _text.Append("{ }");
            return;
        }
        _text.Append("{\n");
        _depth++;
        foreach (var statement in block.Statements)
            Line(statement);
        _depth--;
        _text.Append(string.Concat(Enumerable.Repeat(Indentation, _depth))).Append('}');
    }

    /// <summary>`foreach (v = [k1-, k2] in a[*, 1]- limit 5) body`: sort marks where stap writes them.</summary>
    private void WriteForeach(BoundForeach loop)
    {
        var sortMark = loop.Descending ? "-" : "+";
        _text.Append("foreach (");
        if (loop.Value is { } value)
            _text.Append(value.Name).Append(loop.SortColumn == 0 ? sortMark : "").Append(" = ");
        var keys = loop.Keys.Select((key, i) => key.Name + (loop.SortColumn == i + 1 ? sortMark : ""));
        _text.Append(loop.Keys.Length == 1 && loop.Value is null ? keys.Single() : "[" + string.Join(", ", keys) + "]");
        _text.Append(" in ").Append(loop.Array.Name);
        if (loop.Slice is { } slice)
            WriteKeys(slice);
        if (loop.SortAggregate is { } aggregate)
            _text.Append(' ').Append(aggregate);
        // Sorted by value with no variable for it: the mark follows the array.
        if (loop.SortColumn == 0 && loop.Value is null)
            _text.Append(sortMark);
        if (loop.Limit is not null)
        {
            _text.Append(" limit ");
            Write(loop.Limit);
        }
        _text.Append(") ");
        Write(loop.Body);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => StringLiteral.Quote(value);
}
