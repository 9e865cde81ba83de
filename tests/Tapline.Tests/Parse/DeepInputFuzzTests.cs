using System.Diagnostics;
using System.Text;

namespace Tapline.Tests.Parse;

/// <summary>
/// Deep and large generated scripts through passes 1 to 4: each one either builds or is refused
/// with a positioned diagnostic (STP1032 past the nesting limit); never a dead process, an
/// unhandled exception, or more than 10 s. Each case runs on a thread with the main thread's
/// stack size, as the command runs its passes.
/// </summary>
public sealed class DeepInputFuzzTests
{
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    /// <summary>Shapes of nesting, each a function from a depth to a script.</summary>
    private static readonly Dictionary<string, Func<int, string>> Shapes = new()
    {
        ["parentheses"] = n => $"probe begin {{ x = {Repeat("(", n)}1{Repeat(")", n)}; print(x) }}",
        ["negations"] = n => $"probe begin {{ x = {Repeat("-(", n)}1{Repeat(")", n)}; print(x) }}",
        ["unary chain"] = n => $"probe begin {{ x = {Repeat("- ", n)}1; print(x) }}",
        ["not chain"] = n => $"probe begin {{ x = {Repeat("!", n)}1; print(x) }}",
        ["braces"] = n => $"probe begin {Repeat("{", n)}print(1){Repeat("}", n)}",
        ["if chain"] = n => $"probe begin {{ {Repeat("if (x < 1) ", n)}x = 1; print(x) }}",
        ["else-if chain"] = n => $"probe begin {{ if (x == 0) x = 1 {Repeat("else if (x == 2) x = 3 ", n)}print(x) }}",
        ["while nest"] = n => $"probe begin {{ {Repeat("while (x < 1) { ", n)}x = 1{Repeat(" }", n)} print(x) }}",
        ["try nest"] = n => $"probe begin {{ {Repeat("try { ", n)}x = 1{Repeat(" } catch { }", n)} print(x) }}",
        ["ternary nest"] = n => $"probe begin {{ x = y {Repeat("? y ", n)}{Repeat(": 1 ", n)}; print(x) }}",
        ["plus chain"] = n => $"probe begin {{ y = 1; x = {string.Join("+", Enumerable.Repeat("y", n))}; print(x) }}",
        ["and chain"] = n => $"probe begin {{ y = 1; x = {string.Join("&&", Enumerable.Repeat("y", n))}; print(x) }}",
        ["concat chain"] = n => $"probe begin {{ s = \"a\"; x = {string.Join(".", Enumerable.Repeat("s", n))}; print(x) }}",
        ["literal concat"] = n => $"probe begin {{ x = {string.Join(".", Enumerable.Repeat("\"a\"", n))}; print(x) }}",
        ["call nest"] = n => $"function f(n) {{ return n }} probe begin {{ x = {Repeat("f(", n)}1{Repeat(")", n)}; print(x) }}",
        ["index nest"] = n => $"global a probe begin {{ x = {Repeat("a[", n)}1{Repeat("]", n)}; print(x) }}",
        ["many statements"] = n => $"probe begin {{ {Repeat("x++; ", n)}print(x) }}",
        ["many probes"] = n => Repeat("probe begin { x++ } ", n),
    };

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var shape in Shapes.Keys)
        {
            foreach (var depth in new[] { 50, 200, 3000, 30000 })
                cases.Add(shape, depth);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DeepInput_BuildsOrIsRefusedWithAPosition_Quickly(string shape, int depth)
    {
        var script = Shapes[shape](depth);
        // Pass 4 (Roslyn) on the shallow cases only: it is what costs seconds, and the deep ones stop at pass 1.
        var stopAfter = depth <= 200 ? 4 : 3;
        Exception? escaped = null;
        (string Output, Passes.Diagnostics.DiagnosticBag Diagnostics)? result = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                result = TestPipeline.Run(script, stopAfter, "deep.stp", optimize: depth % 2 == 0);
            }
            catch (Exception e)
            {
                escaped = e;
            }
        }, maxStackSize: 8 << 20);
        thread.Start();
        var ended = thread.Join(PerCase * 3);

        Assert.True(ended, $"{shape} x{depth}: still running after {clock.Elapsed}");
        Assert.Null(escaped);
        Assert.True(clock.Elapsed < PerCase, $"{shape} x{depth}: took {clock.Elapsed.TotalSeconds:F1} s");
        var diagnostics = result!.Value.Diagnostics;
        Assert.All(diagnostics.Where(d => d.IsError), d =>
        {
            Assert.Equal("STP1032", d.Id);
            Assert.NotNull(d.Location);
        });
        if (depth <= 200)
            Assert.False(diagnostics.HasErrors, $"{shape} x{depth}: {TestParser.Describe(diagnostics)}");
    }
}
