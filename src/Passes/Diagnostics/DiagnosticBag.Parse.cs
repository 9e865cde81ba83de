using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>The messages of pass 1 (parse), ids STP1xxx.</summary>
public sealed partial class DiagnosticBag
{
    public void ReportCannotReadFile(string path, string reason) =>
        Error("STP1000", null, $"cannot read '{path}': {reason}");

    public void ReportUnexpectedToken(SourceSpan location, string found, string? expected) =>
        Error("STP1001", location, expected is null ? $"unexpected {found}" : $"unexpected {found}, expected {expected}");

    public void ReportUnterminatedString(SourceSpan location) =>
        Error("STP1002", location, "string literal is not terminated before the end of the line");

    public void ReportUnterminatedComment(SourceSpan location) =>
        Error("STP1003", location, "comment '/*' is never closed by '*/'");

    public void ReportUnterminatedEmbeddedCode(SourceSpan location) =>
        Error("STP1004", location, "embedded code block '%{' is never closed by '%}'");

    public void ReportUnknownCharacter(SourceSpan location, string text) =>
        Error("STP1005", location, $"unexpected character '{text}'");

    public void ReportInvalidNumber(SourceSpan location, string text) =>
        Error("STP1006", location, $"'{text}' is not a valid number");

    public void ReportNumberOutOfRange(SourceSpan location, string text) =>
        Error("STP1007", location, $"number '{text}' does not fit in 64 bits");

    public void ReportInvalidEscape(SourceSpan location, string escape) =>
        Error("STP1008", location, $"invalid escape sequence '{escape}' in string literal");

    public void ReportUnterminatedConditional(SourceSpan location) =>
        Error("STP1010", location, "preprocessor conditional '%(' is never closed by '%)'");

    public void ReportMalformedCondition(SourceSpan location, string detail) =>
        Error("STP1011", location, $"malformed preprocessor condition: {detail}");

    public void ReportUnknownConditionName(SourceSpan location, string name) =>
        Error("STP1012", location,
            $"unknown preprocessor condition '{name}' (expected kernel_v, kernel_vr, arch, runtime, systemtap_v, systemtap_privilege, guru_mode, CONFIG_*, $#, @#, $N, @N or @defined)");

    public void ReportStrayConditionalMark(SourceSpan location, string mark) =>
        Error("STP1013", location, $"'{mark}' outside a preprocessor conditional");

    public void ReportUnknownMacro(SourceSpan location, string name) =>
        Error("STP1014", location, $"unknown macro or operator '{name}'");

    public void ReportMacroArgumentCount(SourceSpan location, string name, int expected, int actual) =>
        Error("STP1015", location, $"macro '{name}' takes {expected} argument(s), but {actual} were given");

    public void ReportMacroRecursion(SourceSpan location, string name) =>
        Error("STP1016", location, $"macro '{name}' expands into itself too deeply");

    public void ReportMalformedMacroDefinition(SourceSpan location, string detail) =>
        Error("STP1017", location, $"malformed @define: {detail}");

    public void ReportScriptArgumentOutOfRange(SourceSpan location, string argument, int count) =>
        Error("STP1018", location,
            count == 0
                ? $"command line argument '{argument}' was not given (the script has no arguments)"
                : $"command line argument '{argument}' is out of range [1-{count}]");

    public void ReportSpaceInProbePointName(SourceSpan location) =>
        Error("STP1020", location, "white space inside a probe point name");

    public void ReportUnknownType(SourceSpan location, string name) =>
        Error("STP1021", location, $"unknown type '{name}' (expected long or string)");

    public void ReportUnknownOperator(SourceSpan location, string name) =>
        Error("STP1022", location, $"unknown operator '{name}'");

    public void ReportOperatorArgumentCount(SourceSpan location, string name, string expected, int actual) =>
        Error("STP1023", location, $"'{name}' takes {expected}, but {actual} were given");

    public void ReportSeveralSortMarkers(SourceSpan location) =>
        Error("STP1024", location, "foreach may sort by only one key or the value ('+' or '-' given more than once)");

    public void ReportDecoratedAliasName(SourceSpan location) =>
        Error("STP1025", location, "an alias name cannot be optional ('?'), sufficient ('!') or conditional ('if')");

    public void ReportWildcardNotAllowed(SourceSpan location) =>
        Error("STP1026", location, "'*' as an index is allowed only in delete, foreach, membership tests and statistics");

    public void ReportDuplicateProbePointMark(SourceSpan location, string mark) =>
        Error("STP1027", location, $"probe point marked '{mark}' more than once");

    public void ReportUnterminatedMacroDefinition(SourceSpan location) =>
        Error("STP1028", location, "@define body '%(' is never closed by '%)'");

    public void ReportStringLiteralExpected(SourceSpan location, string name) =>
        Error("STP1030", location, $"'{name}' needs a string literal here");

    public void ReportCodeInMacroFile(SourceSpan location) =>
        Error("STP1031", location, "a .stpm file may hold only @define macros and preprocessor conditionals");

    public void ReportNestingTooDeep(SourceSpan location, int limit) =>
        Error("STP1032", location, $"the script nests too deeply here: more than {limit} levels of expressions and statements");

    public void ReportBracketsTooDeep(SourceSpan location, int limit) =>
        Error("STP1032", location, $"the script nests too deeply here: more than {limit} levels of brackets");

    public void ReportDuplicateParameter(SourceSpan location, string name) =>
        Error("STP1033", location, $"parameter '{name}' is declared twice");

    public void ReportArraySizeNotPositive(SourceSpan location, string size) =>
        Error("STP1034", location, $"an array's size must be at least 1, not {size}");

    public void ReportArrayInitialized(SourceSpan location, string name) =>
        Error("STP1035", location, $"'{name}' is declared an array: only a scalar global takes an initial value");

    public void ReportReturnInProbe(SourceSpan location) =>
        Error("STP1036", location, "'return' outside a function (a probe handler ends with 'next')");

    public void ReportMembersAfterPrettyPrint(SourceSpan location) =>
        Error("STP1037", location, "'->' and '[' cannot follow a pretty-printed value ('$' or '$$')");

    public void ReportEmbeddedCodeNeedsGuru(SourceSpan location) =>
        Error("STP1038", location, "embedded code %{ %} needs guru mode (-g)");

    public void ReportOperatorNeedsGuru(SourceSpan location, string name) =>
        Error("STP1038", location, $"'{name}' reads the kernel's state: it needs guru mode (-g)");

    public void ReportOperatorArgumentForm(SourceSpan location, string name, string expected) =>
        Error("STP1039", location, $"'{name}' takes {expected}");

    public void ReportPrintArguments(SourceSpan location, string name, string expected) =>
        Error("STP1040", location, $"'{name}' takes {expected}");

    public void ReportEmptyScript(SourceSpan location, bool afterPreprocessing) =>
        Error("STP1041", location, afterPreprocessing ? "the script is empty after preprocessing" : "the script is empty");

    public void ReportDuplicateGlobal(SourceSpan location, string name) =>
        Error("STP1042", location, $"global '{name}' is declared twice");

    public void ReportProbePointMarkRepeated(SourceSpan location) =>
        Error("STP1043", location, "'?', '!' or a condition may stand only after a probe point's last component");

    public void ReportSortAggregate(SourceSpan location, string detail) =>
        Error("STP1044", location, detail);

    public void ReportRedefinedDefine(SourceSpan location) =>
        Error("STP1045", location, "'@define' cannot be redefined");
}
