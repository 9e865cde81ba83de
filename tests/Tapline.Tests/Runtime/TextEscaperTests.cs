using Tapline.Runtime;

namespace Tapline.Tests.Runtime;

/// <summary>text_str's escapes, from the bytes up (inputs are script strings: one char per byte).</summary>
public sealed class TextEscaperTests
{
    [Theory]
    [InlineData("é", "\\u00E9")]
    [InlineData("€", "\\u20AC")]
    [InlineData("😀", "\\U0001F600")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("\u007f", "\\177")]
    public void Escape_WellFormedUtf8_BecomesUnicodeEscapes(string text, string expected) =>
        Assert.Equal(expected, TextEscaper.Escape(ScriptBytes.FromUnicode(text), 0, quoted: false));

    [Theory]
    [InlineData("\xff", "\\377")]
    [InlineData("\xc3", "\\303")]
    [InlineData("\xc3(", "\\303(")]
    [InlineData("\xc0\x80", "\\300\\200")]
    [InlineData("\xe0\x80\x80", "\\340\\200\\200")]
    [InlineData("\xed\xa0\x80", "\\355\\240\\200")]
    [InlineData("\xf4\x90\x80\x80", "\\364\\220\\200\\200")]
    public void Escape_InvalidOverlongOrSurrogateBytes_AreOctal(string bytes, string expected) =>
        Assert.Equal(expected, TextEscaper.Escape(bytes, 0, quoted: false));

    [Theory]
    [InlineData("abcdefghij", 8, "\"abc\"...")]
    [InlineData("abcdef", 8, "\"abcdef\"")]
    [InlineData("hello\nworld", 8, "\"hel\"...")]
    [InlineData("ab", 1, "\"ab\"")]
    public void Escape_Quoted_CutsToTheLengthWithAnEllipsis(string text, long length, string expected) =>
        Assert.Equal(expected, TextEscaper.Escape(text, length, quoted: true));

    [Fact]
    public void Escape_Quoted_DropsAnEscapeTheEllipsisWouldCutThrough() =>
        Assert.Equal("\"a\"...", TextEscaper.Escape(ScriptBytes.FromUnicode("aé€"), 9, quoted: true));

    [Fact]
    public void Escape_IsAtMostMaxStringLenLessOne() =>
        Assert.Equal(7, TextEscaper.Escape(new string('x', 20), 0, quoted: false, maxStringLength: 8).Length);
}
