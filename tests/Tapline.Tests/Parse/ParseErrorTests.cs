namespace Tapline.Tests.Parse;

/// <summary>Malformed scripts (SystemTap's parseko): each gives the right diagnostic at the marked span.</summary>
public sealed class ParseErrorTests
{
    [Theory]
    // Syntax errors
    [InlineData("probe begin { x = 1 } «}»", "STP1001", "unexpected '}'")]
    [InlineData("probe begin { x = «}»", "STP1001", "unexpected '}'")]
    [InlineData("probe begin { x = 1 }\n«}»", "STP1001", "unexpected '}'")]
    [InlineData("probe begin { if (x) { y = 1 }«»", "STP1001", "unexpected end of file")]
    [InlineData("probe begin { foo(1, 2«»", "STP1001", "unexpected end of file")]
    [InlineData("probe begin { x = a == «=» b }", "STP1001", "unexpected '='")]
    [InlineData("probe {«}» }", "STP1001", "unexpected '}'")]
    [InlineData("global «1x»", "STP1006", "is not a valid number")]
    [InlineData("function f(a:long «b») { }", "STP1001", "unexpected 'b'")]
    [InlineData("probe begin { x = (a«,» b) }", "STP1001", "unexpected ','")]
    [InlineData("probe begin { foreach ([a, b] «)» x = 1 }", "STP1001", "unexpected ')'")]
    [InlineData("probe begin { x = 1 «:»= 2 }", "STP1001", "unexpected ':'")]
    [InlineData("probe begin { x = 1 *«*»* 2 }", "STP1001", "unexpected '*'")]
    [InlineData("probe begin { try { } «}»", "STP1001", "unexpected '}', expected 'catch'")]
    // Lexical errors
    [InlineData("probe begin { s = «\"abc }»", "STP1002", "not terminated")]
    [InlineData("probe begin { } «/*» never closed", "STP1003", "never closed")]
    [InlineData("function f() «%{» return 1;", "STP1004", "never closed")]
    [InlineData("probe begin { x = «`»1 }", "STP1005", "unexpected character '`'")]
    [InlineData("probe begin { x = «0x» }", "STP1006", "'0x' is not a valid number")]
    [InlineData("probe begin { x = «09» }", "STP1006", "'09' is not a valid number")]
    [InlineData("probe begin { x = «12ab» }", "STP1006", "'12ab' is not a valid number")]
    [InlineData("probe begin { x = «18446744073709551616» }", "STP1007", "does not fit in 64 bits")]
    [InlineData("probe begin { x = «0x10000000000000000» }", "STP1007", "does not fit in 64 bits")]
    [InlineData("probe begin { s = \"a«\\q»b\" }", "STP1008", "invalid escape sequence '\\q'")]
    [InlineData("probe begin { s = \"«\\x»g\" }", "STP1008", "invalid escape sequence '\\x'")]
    // Preprocessor
    [InlineData("«%(» arch == \"x86_64\" %? probe begin { }", "STP1010", "never closed")]
    [InlineData("%( arch «<» \"x86_64\" %? probe begin { } %)", "STP1011", "does not apply here")]
    [InlineData("%( kernel_v >= «6» %? probe begin { } %)", "STP1011", "compared with a string")]
    [InlineData("«%(» %? probe begin { } %)", "STP1011", "the condition is empty")]
    [InlineData("%( «colour» == \"red\" %? probe begin { } %)", "STP1012", "unknown preprocessor condition 'colour'")]
    [InlineData("probe begin { } «%)»", "STP1013", "'%)' outside")]
    [InlineData("probe begin { x = «@nosuch» }", "STP1014", "unknown macro or operator '@nosuch'")]
    [InlineData("@define two(a, b) %( @a + @b %)\nprobe begin { x = «@two»(1) }", "STP1015", "takes 2 argument(s), but 1 were given")]
    [InlineData("@define loop %( «@loop» %)\nprobe begin { x = @loop }", "STP1016", "expands into itself")]
    [InlineData("«@define» %( 1 %)", "STP1017", "expected a macro name")]
    [InlineData("probe begin { x = «$1» }", "STP1018", "'$1' was not given")]
    [InlineData("%( @defined(«$var») %? probe begin { } %)", "STP1011", "cannot be decided before elaboration")]
    [InlineData("@define m «%(» 1", "STP1028", "never closed")]
    // Checks of the syntax tree
    [InlineData("probe syscall.open «at» { }", "STP1020", "white space inside a probe point name")]
    [InlineData("function f:«int» () { }", "STP1021", "unknown type 'int'")]
    [InlineData("probe begin { x = «@count(a, b)» }", "STP1023", "'@count' takes one statistic, but 2 were given")]
    [InlineData("probe begin { x = «@hist_linear(s, 1)» }", "STP1023", "takes a statistic, low, high and width")]
    [InlineData("probe begin { foreach («[a+, b-] in arr») { } }", "STP1024", "only one key or the value")]
    [InlineData("probe «my.alias?» = begin { }", "STP1025", "alias name cannot be optional")]
    [InlineData("probe begin { x = arr[«*»] }", "STP1026", "'*' as an index is allowed only")]
    [InlineData("probe begin?«?» { }", "STP1027", "marked '?' more than once")]
    [InlineData("probe begin { x = @cast(p, «type»)->f }", "STP1030", "needs a string literal")]
    [InlineData("function f(a, b, «b») { } probe begin { }", "STP1033", "parameter 'b' is declared twice")]
    [InlineData("global a[«0»] probe begin { }", "STP1034", "at least 1, not 0")]
    [InlineData("probe begin { «return 1» }", "STP1036", "'return' outside a function")]
    [InlineData("%( \"a\" == «1» %? probe begin { } %)", "STP1011", "expected a string literal to compare with")]
    [InlineData("%( @# != «2» %? probe begin { } %)", "STP1011", "expected a string literal to compare with, not '2'")]
    [InlineData("%( $# == «\"0\"» %? probe begin { } %)", "STP1011", "expected a decimal number to compare with")]
    [InlineData("%( guru_mode == «2» %? probe begin { } %)", "STP1011", "guru_mode is 0 or 1, not 2")]
    [InlineData("%( guru_mode «<» 1 %? probe begin { } %)", "STP1011", "use == or !=")]
    [InlineData("%( «CONFIG_TRACEPOINTS» == 1 %? probe begin { } %)", "STP1011", "is 'y', not a number")]
    [InlineData("probe begin { «%{ /* C# */ %}» }", "STP1038", "needs guru mode (-g)")]
    [InlineData("function zoo() «%{ %}»", "STP1038", "needs guru mode (-g)")]
    [InlineData("probe begin { x = «%{ 1 %}» }", "STP1038", "needs guru mode (-g)")]
    [InlineData("probe begin { x = «@kregister(1)» }", "STP1038", "needs guru mode (-g)")]
    [InlineData("probe begin { f = \"%d\"; printf(«f», 1) }", "STP1040", "a string literal format")]
    [InlineData("probe begin { «printf()» }", "STP1040", "a string literal format")]
    [InlineData("probe begin { printd(«x», 1, 2) }", "STP1040", "a string literal delimiter, then two or more values")]
    [InlineData("probe begin { «printdln(\",\", 1)» }", "STP1040", "two or more values")]
    [InlineData("probe begin { «print()» }", "STP1040", "one or more values")]
    [InlineData("probe begin { p = \"a\"; if (\"x\" =~ «p») print(1) }", "STP1030", "'=~' needs a string literal")]
    [InlineData("global g\nglobal «g»\nprobe begin { g = 1 }", "STP1042", "global 'g' is declared twice")]
    [InlineData("global g, «g»", "STP1042", "global 'g' is declared twice")]
    [InlineData("@define «define» %( 1 %)\nprobe begin { }", "STP1045", "'@define' cannot be redefined")]
    [InlineData("@define a %( 1 %)\n@define «a» %( 2 %)\nprobe begin { }", "STP1017", "macro '@a' is already defined")]
    [InlineData("global x = «-9223372036854775809»", "STP1007", "does not fit in 64 bits")]
    [InlineData("@define x %( «@define» y %( 1 %) %) probe a { @x }", "STP1017", "'@define' cannot stand inside a macro's body")]
    [InlineData("«»", "STP1041", "the script is empty")]
    [InlineData("«»# only a comment", "STP1041", "the script is empty")]
    [InlineData("«»%( 1 == 0 %? probe begin { } %)", "STP1041", "the script is empty after preprocessing")]
    [InlineData("probe begin { x = $p->$«->y» }", "STP1037", "cannot follow a pretty-printed value")]
    [InlineData("probe begin { x = $p$«[1]» }", "STP1037", "cannot follow a pretty-printed value")]
    [InlineData("probe {a!, b}.«c» { }", "STP1043", "only after a probe point's last component")]
    [InlineData("probe a.{b!, c}«?» { }", "STP1043", "only after a probe point's last component")]
    [InlineData("probe begin { foreach (k in a «@hist_log»-) { } }", "STP1044", "not a statistic's aggregate")]
    [InlineData("probe begin { foreach (k in a «@sum») { } }", "STP1044", "must be followed by a sort direction")]
    [InlineData("probe begin { foreach (k in «@count(x)») { } }", "STP1044", "walks an array or a histogram")]
    [InlineData("probe begin { x = @perf(«\"\"») }", "STP1039", "a non-empty string literal")]
    [InlineData("probe begin { x = @uderef(«p», q) }", "STP1039", "a size in bytes")]
    [InlineData("probe a = begin { if (1) «return» }", "STP1036", "'return' outside a function")]
    [InlineData("global a[10] = «42» probe begin { }", "STP1035", "only a scalar global takes an initial value")]
    [InlineData("global w% = «\"x\"» probe begin { }", "STP1035", "'w' is declared an array")]
    public void Parse_MalformedScript_ReportsDiagnosticAtMarkedSpan(string marked, string id, string message)
    {
        var source = MarkedSource.Parse(marked);
        var (_, diagnostics) = TestParser.Parse(source.Text);
        source.AssertReported(diagnostics, id, message);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEachOne()
    {
        var (_, diagnostics) = TestParser.Parse("probe begin { x = 0x }\nprobe end { y = `1 }\nfunction f:int () { }");
        Assert.Equal(["STP1005", "STP1006", "STP1021"], diagnostics.Select(d => d.Id).Order().ToArray());
    }

    [Fact]
    public void Parse_ErrorInMacroArgument_PointsIntoTheScript()
    {
        var (_, diagnostics) = TestParser.Parse("@define id(x) %( @x %)\nprobe begin { y = @id(0x) }");
        var error = Assert.Single(diagnostics);
        Assert.Equal("test.stp:2:23", error.Location.ToString());
    }
}
