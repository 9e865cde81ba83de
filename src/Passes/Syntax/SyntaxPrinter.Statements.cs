namespace Tapline.Passes.Syntax;

public sealed partial class SyntaxPrinter
{
    /// <summary>Writes `{`, the statements a line each, and `}` at the current indent; no line break after.</summary>
    private void WriteBlock(BlockStatementSyntax block)
    {
        _text.Append("{\n");
        _indent++;
        foreach (var statement in block.Statements)
        {
            WriteIndent();
            WriteStatement(statement);
            _text.Append('\n');
        }
        _indent--;
        WriteIndent();
        _text.Append('}');
    }

    private void WriteStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockStatementSyntax block:
                WriteBlock(block);
                break;
            case EmptyStatementSyntax:
                _text.Append(';');
                break;
            case EmbeddedStatementSyntax embedded:
                WriteEmbedded(embedded.Code);
                break;
            case ExpressionStatementSyntax expression:
                WriteExpression(expression.Expression);
                _text.Append(';');
                break;
            case IfStatementSyntax ifStatement:
                WriteIf(ifStatement);
                break;
            case WhileStatementSyntax whileStatement:
                _text.Append("while (");
                WriteExpression(whileStatement.Condition);
                _text.Append(')');
                WriteBody(whileStatement.Body);
                break;
            case ForStatementSyntax forStatement:
                WriteFor(forStatement);
                break;
            case ForeachStatementSyntax foreachStatement:
                WriteForeach(foreachStatement);
                break;
            case TryStatementSyntax tryStatement:
                _text.Append("try ");
                WriteBlock(tryStatement.Body);
                _text.Append(" catch ");
                if (tryStatement.CatchVariable is not null)
                    _text.Append('(').Append(tryStatement.CatchVariable).Append(") ");
                WriteBlock(tryStatement.Handler);
                break;
            case ReturnStatementSyntax returnStatement:
                _text.Append("return");
                if (returnStatement.Value is not null)
                {
                    _text.Append(' ');
                    WriteExpression(returnStatement.Value);
                }
                _text.Append(';');
                break;
            case BreakStatementSyntax:
                _text.Append("break;");
                break;
            case ContinueStatementSyntax:
                _text.Append("continue;");
                break;
            case NextStatementSyntax:
                _text.Append("next;");
                break;
            case DeleteStatementSyntax deleteStatement:
                _text.Append("delete ");
                WriteExpression(deleteStatement.Target);
                _text.Append(';');
                break;
            default:
                throw new InvalidOperationException($"unexpected statement {statement.GetType().Name}");
        }
    }

    private void WriteIf(IfStatementSyntax ifStatement)
    {
        _text.Append("if (");
        WriteExpression(ifStatement.Condition);
        _text.Append(')');
        if (ifStatement.Else is not null && EndsWithOpenIf(ifStatement.Then))
        {
            // Without braces the `else` would bind to the inner `if`.
            _text.Append(' ');
            WriteBlock(new BlockStatementSyntax(ifStatement.Then.Span, [ifStatement.Then]));
        }
        else
            WriteBody(ifStatement.Then);
        if (ifStatement.Else is null)
            return;

        if (ifStatement.Then is BlockStatementSyntax || EndsWithOpenIf(ifStatement.Then))
            _text.Append(' ');
        else
        {
            _text.Append('\n');
            WriteIndent();
        }
        _text.Append("else");
        if (ifStatement.Else is IfStatementSyntax elseIf)
        {
            _text.Append(' ');
            WriteIf(elseIf);
        }
        else
            WriteBody(ifStatement.Else);
    }

    /// <summary>Whether a statement ends in an `if` without `else`, which would take a following `else`.</summary>
    private static bool EndsWithOpenIf(StatementSyntax statement) => statement switch
    {
        IfStatementSyntax { Else: null } => true,
        IfStatementSyntax { Else: { } otherwise } => EndsWithOpenIf(otherwise),
        WhileStatementSyntax loop => EndsWithOpenIf(loop.Body),
        ForStatementSyntax loop => EndsWithOpenIf(loop.Body),
        ForeachStatementSyntax loop => EndsWithOpenIf(loop.Body),
        _ => false,
    };

    private void WriteFor(ForStatementSyntax forStatement)
    {
        _text.Append("for (");
        if (forStatement.Initializer is not null)
            WriteExpression(forStatement.Initializer);
        _text.Append("; ");
        if (forStatement.Condition is not null)
            WriteExpression(forStatement.Condition);
        _text.Append("; ");
        if (forStatement.Step is not null)
            WriteExpression(forStatement.Step);
        _text.Append(')');
        WriteBody(forStatement.Body);
    }

    private void WriteForeach(ForeachStatementSyntax foreachStatement)
    {
        _text.Append("foreach (");
        if (foreachStatement.Value is not null)
        {
            WriteForeachVariable(foreachStatement.Value);
            _text.Append(" = ");
        }
        if (foreachStatement.KeysBracketed)
            _text.Append('[');
        for (var i = 0; i < foreachStatement.Keys.Length; i++)
        {
            if (i > 0)
                _text.Append(", ");
            WriteForeachVariable(foreachStatement.Keys[i]);
        }
        if (foreachStatement.KeysBracketed)
            _text.Append(']');
        _text.Append(" in ");
        if (foreachStatement.Histogram is { } histogram)
            WriteExpression(histogram);
        else
            _text.Append(foreachStatement.Array);
        if (foreachStatement.Slice is { } slice)
            WriteIndexList(slice);
        _text.Append(foreachStatement.SortAggregate).Append(SortMark(foreachStatement.ArraySort));
        if (foreachStatement.Limit is not null)
        {
            _text.Append(" limit ");
            WriteExpression(foreachStatement.Limit);
        }
        _text.Append(')');
        WriteBody(foreachStatement.Body);
    }

    private void WriteForeachVariable(ForeachVariableSyntax variable) =>
        _text.Append(variable.Name).Append(SortMark(variable.Sort));

    private static string SortMark(SortDirection direction) => direction switch
    {
        SortDirection.Ascending => "+",
        SortDirection.Descending => "-",
        _ => "",
    };

    /// <summary>The body of if/while/for/foreach: a block on the same line, anything else indented below.</summary>
    private void WriteBody(StatementSyntax body)
    {
        if (body is BlockStatementSyntax block)
        {
            _text.Append(' ');
            WriteBlock(block);
            return;
        }
        _text.Append('\n');
        _indent++;
        WriteIndent();
        WriteStatement(body);
        _indent--;
    }
}
