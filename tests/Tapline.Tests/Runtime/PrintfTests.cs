using Tapline.Runtime;

namespace Tapline.Tests.Runtime;

public sealed class PrintfTests
{
    [Theory]
    [InlineData("%d %i %u %x %X %o %s %c %%", new object[] { -1L, 2L, 3L, 255L, 255L, 8L, "str", 65L }, "-1 2 3 ff FF 10 str A %")]
    [InlineData("[%5d] [%-5d] [%05d] [%+d] [% d] [%#x] [%#o]", new object[] { 42L, 42L, 42L, 42L, 42L, 42L, 8L }, "[   42] [42   ] [00042] [+42] [ 42] [0x2a] [010]")]
    [InlineData("[%10s] [%-10s] [%.3s] [%*d] [%-*d]", new object[] { "right", "left", "truncate", 6L, 7L, 3L, 1L }, "[     right] [left      ] [tru] [     7] [1  ]")]
    [InlineData("%u %x %o", new object[] { -1L, -1L, -1L }, "18446744073709551615 ffffffffffffffff 1777777777777777777777")]
    [InlineData("%d", new object[] { long.MinValue }, "-9223372036854775808")]
    [InlineData("[%.5d] [%8.5d] [%-+6d] [%05d] [%.0d] [%#x]", new object[] { 42L, 42L, 5L, -42L, 0L, 0L }, "[00042] [   00042] [+5    ] [-0042] [] [0x0]")]
    [InlineData("[%#s] [%#c] [%#o]", new object[] { "a\"b\n", 9L, 0L }, "[a\\\"b\\n] [\\t] [00]")]
    [InlineData("%p %p", new object[] { 4096L, -1L }, "0x0000000000001000 0xffffffffffffffff")]
    [InlineData("[%8p]", new object[] { 4096L }, "[  0x1000]")]
    [InlineData("%ld %lld %lu %hx", new object[] { 1L, 2L, 3L, 255L }, "1 2 3 ff")]
    [InlineData("[%3c] [%-3c]", new object[] { 120L, 121L }, "[  x] [y  ]")]
    [InlineData("no conversions", new object[0], "no conversions")]
    public void Format_MatchesSystemTap(string format, object[] arguments, string expected) =>
        Assert.Equal(expected, Printf.Format(format, arguments));

    [Fact]
    public void Format_Binary_WritesTheValuesLowBytesLittleEndian()
    {
        Assert.Equal("BA", Printf.Format("%2b", 0x4142L));
        Assert.Equal(8, Printf.Format("%b", 1L).Length);
        Assert.Equal("\u0001", Printf.Format("%1b", 1L));
    }

    [Theory]
    [InlineData("%m", new object[] { 0L }, "%m reads kernel memory")]
    [InlineData("%M", new object[] { 0L }, "%M reads kernel memory")]
    [InlineData("%d %d", new object[] { 1L }, "needs more than 1 value(s)")]
    [InlineData("%d", new object[] { 1L, 2L }, "takes 1 value(s), but 2 were given")]
    [InlineData("%d", new object[] { "text" }, "is not a number")]
    [InlineData("%s", new object[] { 1L }, "is not a string")]
    [InlineData("%q", new object[] { 1L }, "'%q' is not a conversion SystemTap knows")]
    [InlineData("%", new object[] { 1L }, "the format ends inside a conversion")]
    public void Format_Mistakes_AreRuntimeErrors(string format, object[] arguments, string message)
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => Printf.Format(format, arguments));
        Assert.Contains(message, error.Message);
    }
}
