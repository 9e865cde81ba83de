using Tapline.Passes.Parse;

namespace Tapline.Tests.Parse;

/// <summary>Conditionals, macros and script arguments, as printed after pass 1 (fixed target: Linux 6.18.0 on x86_64).</summary>
public sealed class PreprocessorTests
{
    /// <summary>The printed statements of `probe begin { STATEMENTS }`, joined by spaces.</summary>
    private static string Body(string statements, params string[] arguments)
    {
        var lines = TestParser.Print("probe begin {\n" + statements + "\n}", arguments: arguments).TrimEnd('\n').Split('\n');
        return string.Join(" ", lines[1..^1].Select(line => line.Trim()));
    }

    [Theory]
    [InlineData("%( kernel_v >= \"6.18\" %? a() %: b() %)", "a();")]
    [InlineData("%( 1 == 1 %? a() %: b() %)", "a();")]
    [InlineData("%( 1==2 %? a() %: b() %)", "b();")]
    [InlineData("%( -1 < 0 && 2 >= 2 %? a() %: b() %)", "a();")]
    [InlineData("%( \"abc\" == \"a*\" %? a() %: b() %)", "b();")]
    [InlineData("%( \"abc\" < \"abd\" %? a() %: b() %)", "a();")]
    [InlineData("%( CONFIG_NO_SUCH_OPTION == 0 %? a() %: b() %)", "a();")]
    [InlineData("%( \"abc\" != \"abc\" || 1 == 2 %? a() %: b() %)", "b();")]
    [InlineData("%( CONFIG_TRACEPOINTS == CONFIG_FTRACE_SYSCALLS %? a() %: b() %)", "a();")]
    [InlineData("%( CONFIG_TRACEPOINTS == CONFIG_NR_CPUS %? a() %: b() %)", "b();")]
    [InlineData("%( CONFIG_NR_CPUS == 13 %? a() %: b() %)", "b();")]
    [InlineData("%( CONFIG_NR_CPUS != 13 %? a() %: b() %)", "a();")]
    [InlineData("%( kernel_v > \"6.18.0\" %? a() %: b() %)", "b();")]
    [InlineData("%( kernel_v < \"6.9\" %? a() %: b() %)", "b();")]
    [InlineData("%( kernel_v == \"6.*\" %? a() %: b() %)", "a();")]
    [InlineData("%( kernel_vr != \"6.18.0-tapline\" %? a() %: b() %)", "b();")]
    [InlineData("%( arch == \"x86_64\" %? a() %)", "a();")]
    [InlineData("%( arch == \"x86_?4\" %? a() %)", "a();")]
    [InlineData("%( arch != \"x86_64\" %? a() %)", "")]
    [InlineData("%( CONFIG_TRACEPOINTS == \"y\" %? a() %: b() %)", "a();")]
    [InlineData("%( CONFIG_KPROBES == \"y\" %? a() %: b() %)", "b();")]
    [InlineData("%( CONFIG_KPROBES == \"\" %? a() %: b() %)", "a();")]
    [InlineData("%( systemtap_v >= \"4.0\" && systemtap_v < \"10\" %? a() %: b() %)", "a();")]
    [InlineData("%( arch == \"arm\" || runtime == \"kernel\" %? a() %: b() %)", "a();")]
    [InlineData("%( !(arch == \"arm\") %? a() %: b() %)", "a();")]
    [InlineData("%( guru_mode == 1 %? a() %: b() %)", "b();")]
    [InlineData("%( arch == \"x86_64\" %? %( kernel_v >= \"7\" %? a() %: b() %) %: c() %)", "b();")]
    [InlineData("%( arch == \"arm\" %? a() %: %( kernel_v >= \"6\" %? b() %: c() %) %)", "b();")]
    public void Conditional_OnTheTarget_KeepsTheChosenBranch(string statements, string expected) =>
        Assert.Equal(expected, Body(statements));

    [Theory]
    [InlineData("%( $# == 2 %? a() %: b() %)", "a();")]
    [InlineData("%( $1 > 9 %? a() %: b() %)", "a();")]
    [InlineData("%( @2 == \"he*\" %? a() %: b() %)", "b();")]
    [InlineData("%( @# == \"2\" %? a() %: b() %)", "a();")]
    [InlineData("x = $1 + 1", "x = 10 + 1;")]
    [InlineData("x = @1 . @2", "x = \"10\" . \"hello\";")]
    [InlineData("x = $# + @#", "x = 2 + 2;")]
    public void ScriptArguments_AreSubstituted(string statements, string expected) =>
        Assert.Equal(expected, Body(statements, "10", "hello"));

    [Fact]
    public void ScriptArgument_Dollar_IsLexedAsTokens() =>
        Assert.Equal("x = a + 2 * b;", Body("x = $1", "a + 2 * b"));

    [Fact]
    public void ScriptArgument_At_IsOneStringEvenWithQuotes() =>
        Assert.Equal("x = \"say \\\"hi\\\"\\n\";", Body("x = @1", "say \"hi\"\n"));

    [Fact]
    public void Macro_WithParameters_ExpandsArgumentsInPlace() =>
        Assert.Equal("x = (1 + 2) * 3;",
            Body("@define mul(a, b) %( (@a) * @b %)\nx = @mul(1 + 2, 3)"));

    [Fact]
    public void Macro_ArgumentsWithCommasInParentheses_StayOneArgument() =>
        Assert.Equal("x = f(1, 2);",
            Body("@define call(fn, args) %( @fn @args %)\nx = @call(f, (1, 2))"));

    [Fact]
    public void Macro_UsingAnotherMacro_ExpandsBoth() =>
        Assert.Equal("x = 2 * 21;",
            Body("@define half %( 21 %)\n@define whole %( 2 * @half %)\nx = @whole"));

    [Fact]
    public void Macro_InsideConditional_IsDefinedOnlyWhenChosen() =>
        Assert.Equal("x = 64;",
            Body("%( arch == \"x86_64\" %? @define bits %( 64 %) %: @define bits %( 32 %) %)\nx = @bits"));

    [Fact]
    public void LibraryMacro_FromStpmFile_IsVisibleToTheScript()
    {
        var printed = TestParser.Print("global a\nprobe prometheus { @prometheus_dump_array1(a, \"m\", \"k\") }");
        Assert.Contains("foreach (_v = [_v1] in a)", printed);
    }

    [Fact]
    public void FalseBranch_IsNotParsed() =>
        Assert.Equal("b();", Body("%( arch == \"arm\" %? this is { not valid %: b() %)"));

    [Theory]
    [InlineData("6.18.0", "6.18.0", 0)]
    [InlineData("6.18.0", "6.9", 1)]
    [InlineData("2.6.30", "2.6.9", 1)]
    [InlineData("6.1", "6.1.0", -1)]
    [InlineData("5.1", "10.0", -1)]
    [InlineData("6.18.0-rc1", "6.18.0", 1)]
    public void VersionComparer_ComparesDigitRunsByValue(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(VersionComparer.Compare(left, right)));
}
