using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>The messages of pass 2 (elaborate), ids STP2xxx.</summary>
public sealed partial class DiagnosticBag
{
    public void ReportUnknownProbePoint(SourceSpan location, string point, IReadOnlyList<string> suggestions) =>
        Error("STP2001", location, $"probe point '{point}' matches nothing"
            + (suggestions.Count > 0 ? $"; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?" : ""));

    public void ReportUnsupportedProbePoint(SourceSpan location, string point, string reason) =>
        Error("STP2002", location, $"probe point '{point}' cannot be used: {reason}");

    public void ReportUnknownFunction(SourceSpan location, string name, IReadOnlyList<string> suggestions) =>
        Error("STP2003", location, $"unresolved function '{name}'"
            + (suggestions.Count > 0 ? $"; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?" : ""));

    public void ReportWrongArgumentCount(SourceSpan location, string name, string expected, int actual) =>
        Error("STP2004", location, $"'{name}' takes {expected}, but {actual} were given");

    public void ReportTypeConflict(SourceSpan location, string what, string actual, string expected, SourceSpan? origin) =>
        Error("STP2005", location, $"type mismatch: {what} is used as {actual} here, but is {expected}"
            + (origin is { } where ? $" (from {where})" : ""));

    public void ReportUnresolvedType(SourceSpan location, string what) =>
        Error("STP2006", location, $"cannot infer the type of {what}");

    public void ReportContextVariableWrite(SourceSpan location, string name) =>
        Error("STP2007", location, $"writing to context variable '{name}' needs guru mode (-g)");

    public void ReportReadOnlyContextVariable(SourceSpan location, string name) =>
        Error("STP2008", location, $"context variable '{name}' is read-only: tracepoint fields cannot be written");

    public void ReportUnknownContextVariable(SourceSpan location, string name, string point, IEnumerable<string> available) =>
        Error("STP2009", location, $"'{name}' is not a context variable of '{point}'"
            + (available.Any() ? $" (it has {string.Join(" ", available)})" : " (it has none)"));

    public void ReportContextVariableOutsideProbe(SourceSpan location, string name) =>
        Error("STP2010", location, $"context variable '{name}' can only be read in a probe handler");

    public void ReportNeedsDebuginfo(SourceSpan location, string what) =>
        Error("STP2011", location, $"{what} needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only)");

    public void ReportArrayNotGlobal(SourceSpan location, string name) =>
        Error("STP2013", location, $"'{name}' is used as an array, but arrays must be declared global");

    public void ReportArrayArity(SourceSpan location, string name, int expected, int actual) =>
        Error("STP2014", location, $"array '{name}' has {expected} key(s), but {actual} are used here");

    public void ReportArrayScalarMix(SourceSpan location, string name, bool usedAsArray) =>
        Error("STP2015", location, usedAsArray
            ? $"'{name}' is a scalar, but is indexed here like an array"
            : $"'{name}' is an array, but is used here without keys");

    public void ReportFormatProblem(SourceSpan location, string function, string problem) =>
        Error("STP2016", location, $"{function}: {problem}");

    public void ReportOutsideLoop(SourceSpan location, string statement) =>
        Error("STP2017", location, $"'{statement}' outside a loop");

    public void ReportReturnOutsideFunction(SourceSpan location) =>
        Error("STP2018", location, "'return' outside a function (a probe handler ends with 'next')");

    public void ReportVoidValue(SourceSpan location, string name) =>
        Error("STP2019", location, $"'{name}' returns no value, but its value is used here");

    public void ReportAliasTooDeep(SourceSpan location, string point) =>
        Error("STP2020", location, $"expanding '{point}' goes through aliases too deeply (an alias that expands into itself?)");

    public void ReportContextVariableIndex(SourceSpan location, string name, int expected) =>
        Error("STP2021", location, expected == 0
            ? $"context variable '{name}' is not an array"
            : $"context variable '{name}' is an array: use '{name}[N]'");

    public void ReportDuplicateDeclaration(SourceSpan location, string kind, string name, SourceSpan first) =>
        Error("STP2023", location, $"{kind} '{name}' is already declared at {first}");

    public void ReportHistogramMisuse(SourceSpan location) =>
        Error("STP2025", location, "a histogram can only be printed (print, println, print_hist)");

    public void ReportNotAssignable(SourceSpan location) =>
        Error("STP2029", location, "this cannot be assigned to: expected a variable, an array element or a context variable");

    public void ReportNotAnArray(SourceSpan location, string name) =>
        Error("STP2027", location, $"'{name}' is not a global array");

    public void ReportNoProbes(SourceSpan location, IReadOnlyList<string> droppedOptionalPoints) =>
        Error("STP2030", location, droppedOptionalPoints.Count == 0
            ? "no probes: the script has nothing to run"
            : "no probes: the script has nothing to run; its optional points cannot exist here: " + string.Join("; ", droppedOptionalPoints.Distinct()));


    public void ReportStatisticMisuse(SourceSpan location, string what) =>
        Error("STP2040", location, $"a statistic cannot be {what}");

    public void ReportLocalStatistic(SourceSpan location, string name) =>
        Error("STP2041", location, $"'{name}' is a local, and only globals can hold statistics");

    public void ReportScalarWithArrayOptions(SourceSpan location, string name, string option) =>
        Error("STP2042", location, $"'{name}' is a scalar, but is declared with {option}, which only arrays take");

    public void ReportBadRegex(SourceSpan location, string problem) =>
        Error("STP2032", location, $"bad regular expression: {problem}");

    public void ReportUnknownSetGlobal(string name) =>
        Error("STP2034", null, $"-G {name}=...: the script declares no global '{name}'");

    public void ReportSetGlobalArray(SourceSpan location, string name) =>
        Error("STP2034", location, $"-G {name}=...: '{name}' is an array; -G sets scalar globals");

    public void ReportUnavailableOperator(SourceSpan location, string name, string reason) =>
        Error("STP2033", location, $"'{name}' cannot be used here: {reason}");

    public void ReportEntryWithoutReturn(SourceSpan location, string point) =>
        Error("STP2043", location, $"@entry needs a return probe, and '{point}' has no entry to evaluate it at");

    public void ReportEntryReadsLocals(SourceSpan location) =>
        Error("STP2044", location, "@entry can read context variables, globals and functions, not the handler's locals");

    public void ReportHistogramParameters(SourceSpan location) =>
        Error("STP2045", location, "@hist_linear takes literal numbers for low, high and width");

    public void ReportHistogramConflict(SourceSpan location, string name) =>
        Error("STP2046", location, $"statistic '{name}' is read as two different histograms");
}
