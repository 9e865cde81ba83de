using System.Text.RegularExpressions;
using Tapline.Runtime;

namespace Tapline.Tests.Runtime;

/// <summary>Statistics, errno names, string functions and Prometheus escaping.</summary>
public sealed class BuiltinTests
{
    [Fact]
    public void Statistic_Aggregates()
    {
        var statistic = new Statistic();
        foreach (var value in new long[] { 10, -4, 7 })
            statistic.Add(value);
        Assert.Equal((3L, 13L, -4L, 10L, 4L), (statistic.Count, statistic.Sum, statistic.Min, statistic.Max, statistic.Average));
    }

    [Fact]
    public void Statistic_Variance_IsStapsIntegerWelford()
    {
        var statistic = new Statistic();
        Assert.Equal(0, statistic.Variance);
        foreach (var value in new long[] { 2, 4, 4, 4, 5, 5, 7, 9 })
            statistic.Add(value);
        Assert.Equal(9, statistic.Variance); // the mean stays 3 in integers: M2 = 64, 64 / 7 (the exact variance is 4.57)
        var mixed = new Statistic();
        foreach (var value in new long[] { 100, 0, -2 })
            mixed.Add(value);
        Assert.Equal(3410, mixed.Variance); // M2 = 5000 + 1820 (the exact variance is 3401.33)
        var big = new Statistic();
        big.Add(1_000_000_000);
        big.Add(3_000_000_000);
        Assert.Equal(2_000_000_000_000_000_000, big.Variance);
    }

    [Theory]
    [InlineData("@min")]
    [InlineData("@max")]
    [InlineData("@avg")]
    public void Statistic_EmptyAggregate_IsARuntimeError(string aggregate)
    {
        var empty = new Statistic();
        var error = Assert.Throws<ScriptRuntimeException>(() => aggregate switch
        {
            "@min" => empty.Min,
            "@max" => empty.Max,
            _ => empty.Average,
        });
        Assert.Contains(aggregate, error.Message);
        Assert.Equal(0, empty.Count);
    }

    [Theory]
    [InlineData(-2L, "ENOENT")]
    [InlineData(2L, "ENOENT")]
    [InlineData(-11L, "EAGAIN")]
    [InlineData(-110L, "ETIMEDOUT")]
    [InlineData(-512L, "ERESTARTSYS")]
    [InlineData(-4000L, "E#4000")]
    public void Errno_Name(long error, string name) => Assert.Equal(name, Errno.Name(error));

    [Theory]
    [InlineData(1L, -2L, "-2 (ENOENT)")]
    [InlineData(1L, 42L, "42")]
    [InlineData(2L, 255L, "0xff")]
    [InlineData(3L, 8L, "010")]
    public void Errno_ReturnString(long format, long value, string expected) => Assert.Equal(expected, Errno.ReturnString(format, value));

    [Fact]
    public void Errno_TableMatchesTheKernelHeaders()
    {
        var headers = new[] { "/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h" };
        if (!headers.All(File.Exists))
            return; // linux-libc-dev is not installed here: nothing to compare with
        var expected = new Dictionary<long, string>();
        foreach (var line in headers.SelectMany(File.ReadLines))
        {
            if (Regex.Match(line, @"^#define\s+(E[A-Z0-9]+)\s+(\d+)") is { Success: true } match)
                expected.TryAdd(long.Parse(match.Groups[2].Value), match.Groups[1].Value);
        }
        foreach (var (number, name) in expected)
            Assert.Equal(name, Errno.Names[number]);
    }

    [Fact]
    public void Syscalls_NameComesFromTheTable()
    {
        Syscalls.TablePath = Path.Combine(Repository.Tapsets, "catalog", "syscalls.x86_64.tsv");
        Assert.Equal("openat", Syscalls.Name(257));
        Assert.Equal("stat", Syscalls.Name(4));
        Assert.Equal("syscall#9999", Syscalls.Name(9999));
    }

    [Fact]
    public void Time_CtimeIsInSystemTapsLayout() => Assert.Equal("Tue Nov 14 22:13:20 2023", Time.Ctime(1_700_000_000));

    [Theory]
    [InlineData(7L, 2L, 3L, 1L)]
    [InlineData(-7L, 2L, -3L, -1L)]
    [InlineData(long.MinValue, -1L, long.MinValue, 0L)]
    public void Arithmetic_DivideTruncatesTowardZero(long dividend, long divisor, long quotient, long remainder)
    {
        Assert.Equal(quotient, Arithmetic.Divide(dividend, divisor));
        Assert.Equal(remainder, Arithmetic.Remainder(dividend, divisor));
    }

    [Fact]
    public void Arithmetic_DivisionByZeroIsARuntimeError()
    {
        Assert.Equal("division by 0", Assert.Throws<ScriptRuntimeException>(() => Arithmetic.Divide(1, 0)).Message);
        Assert.Equal("division by 0", Assert.Throws<ScriptRuntimeException>(() => Arithmetic.Remainder(1, 0)).Message);
    }

    [Fact]
    public void Memory_QuotedFaultIsTheAddressInHex() =>
        Assert.Equal("0x0", Memory.UserStringQuoted(new Translate.FakeContext(), 0));

    [Theory]
    [InlineData("hello", 1, 3, "ell")]
    [InlineData("hello", 3, 10, "lo")]
    [InlineData("hello", 9, 2, "")]
    [InlineData("hello", -1, 2, "")]
    public void Strings_Substring(string text, long start, long length, string expected) =>
        Assert.Equal(expected, Strings.Substring(text, start, length));

    [Theory]
    [InlineData("42", 10L, 42L)]
    [InlineData("  -17xyz", 10L, -17L)]
    [InlineData("0x1f", 16L, 31L)]
    [InlineData("0x1f", 0L, 31L)]
    [InlineData("017", 0L, 15L)]
    [InlineData("zz", 36L, 1295L)]
    [InlineData("nothing", 10L, 0L)]
    public void Strings_ToLong(string text, long numberBase, long expected) => Assert.Equal(expected, Strings.ToLong(text, numberBase));

    [Fact]
    public void Strings_ToLong_BadBaseIsARuntimeError() =>
        Assert.Throws<ScriptRuntimeException>(() => Strings.ToLong("1", 1));

    [Fact]
    public void Strings_EscapeAndQuote()
    {
        Assert.Equal("a\\nb\\t\\\"c\\\\\\001", Strings.Escape("a\nb\t\"c\\\u0001"));
        Assert.Equal("\"x\\n\"", Strings.Quote("x\n"));
        Assert.Equal(5, Strings.Length(ScriptBytes.FromUnicode("héé")));
    }

    [Fact]
    public void Prometheus_EscapesWhatTheFormatRequires() =>
        Assert.Equal("a\\\\b\\\"c\\nd\te", Prometheus.EscapeLabelValue("a\\b\"c\nd\te"));

    [Fact]
    public void UserStringN_CutsAtTheLength_AndTheQuotedFormMarksOnlyAnOutputCut()
    {
        var context = new Translate.FakeContext();
        Assert.Equal("<use", Memory.UserStringN(context, 7, 4));
        Assert.Equal("\"<use\"", Memory.UserStringNQuoted(context, 7, 4));
        Assert.Equal("\"<user string at 7>\"", Memory.UserStringNQuoted(context, 7, 100));
        Assert.Equal("\"<user\"...", Memory.UserStringNQuoted(context, 7, 100, 10));
        Assert.Equal("0x0", Memory.UserStringNQuoted(context, 0, 4));
    }
}
