using System.Collections.Frozen;

namespace Tapline.Passes.Syntax;

/// <summary>Operator precedence and the `@` operators, shared by the parser and the printer.</summary>
public static class SyntaxFacts
{
    // From loosest to tightest binding, as SystemTap's parser nests them.
    public const int AssignmentPrecedence = 1;
    public const int TernaryPrecedence = 2;
    public const int InPrecedence = 8;
    public const int UnaryPrecedence = 14;
    public const int PostfixPrecedence = 15;
    public const int PrimaryPrecedence = 16;

    private static readonly FrozenDictionary<string, int> BinaryPrecedences = new Dictionary<string, int>
    {
        ["||"] = 3,
        ["&&"] = 4,
        ["|"] = 5,
        ["^"] = 6,
        ["&"] = 7,
        ["<"] = 9,
        ["<="] = 9,
        [">"] = 9,
        [">="] = 9,
        ["=="] = 9,
        ["!="] = 9,
        ["=~"] = 9,
        ["!~"] = 9,
        ["<<"] = 10,
        [">>"] = 10,
        [">>>"] = 10,
        ["."] = 11,
        ["+"] = 12,
        ["-"] = 12,
        ["*"] = 13,
        ["/"] = 13,
        ["%"] = 13,
    }.ToFrozenDictionary();

    public static int GetBinaryPrecedence(string op) => BinaryPrecedences[op];

    /// <summary>The statistic aggregates: `@count(s)` and friends.</summary>
    public static readonly FrozenSet<string> AggregateOperators =
        new[] { "@count", "@sum", "@min", "@max", "@avg", "@variance" }.ToFrozenSet();

    public static readonly FrozenSet<string> HistogramOperators =
        new[] { "@hist_log", "@hist_linear" }.ToFrozenSet();

    /// <summary>The operators on the probed machine's registers, memory and counters.</summary>
    public static readonly FrozenSet<string> MachineOperators =
        new[] { "@perf", "@kregister", "@uregister", "@kderef", "@uderef", "@probewrite", "@const" }.ToFrozenSet();

    /// <summary>Every `@name` the language itself defines; any other `@name` is a macro.</summary>
    public static readonly FrozenSet<string> BuiltinAtOperators = AggregateOperators.Concat(HistogramOperators).Concat(MachineOperators)
        .Concat(new[] { "@entry", "@defined", "@cast", "@var", "@define" }).ToFrozenSet();

    public static int GetPrecedence(ExpressionSyntax expression) => expression switch
    {
        AssignmentExpressionSyntax => AssignmentPrecedence,
        TernaryExpressionSyntax => TernaryPrecedence,
        BinaryExpressionSyntax binary => GetBinaryPrecedence(binary.Operator),
        InExpressionSyntax => InPrecedence,
        UnaryExpressionSyntax => UnaryPrecedence,
        IncrementExpressionSyntax { IsPrefix: true } => UnaryPrecedence,
        IncrementExpressionSyntax => PostfixPrecedence,
        _ => PrimaryPrecedence,
    };
}
