using Tapline.Passes.Diagnostics;
using Tapline.Passes.Parse;
using Tapline.Passes.Text;

namespace Tapline.Tests.Elaborate;

/// <summary>
/// Corpus scripts with one token deleted, duplicated or swapped with its neighbour (a fixed
/// seed, so the run is the same every time): whatever still parses must translate into a
/// program or into positioned diagnostics, never an exception.
/// </summary>
public sealed class MutationTests
{
    private const int MutationsPerScript = 20;

    /// <summary>`TAPLINE_MUTATION_SEED=N` tries other mutants than the fixed ones.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("TAPLINE_MUTATION_SEED"), out var seed) ? seed : 20261127;

    /// <summary>`TAPLINE_MUTATION_COMPILE=1` also compiles each mutant's C# (a minute or two more).</summary>
    private static readonly bool CompileEach = Environment.GetEnvironmentVariable("TAPLINE_MUTATION_COMPILE") == "1";

    public static TheoryData<string> Corpus() => new(Repository.GoldenScripts().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Translate_MutatedScript_NeverThrows(string name)
    {
        var path = Path.Combine(Repository.Golden, name);
        var text = File.ReadAllText(path);
        var tokens = ScriptLexer.Lex(new SourceText(name, text), new DiagnosticBag());
        // string.GetHashCode differs between processes; the seed must not.
        var random = new Random(name.Aggregate(Seed, (hash, c) => unchecked(hash * 31 + c)) & 0x7fffffff);
        for (var i = 0; i < MutationsPerScript && tokens.Count > 2; i++)
        {
            var at = random.Next(tokens.Count - 1);
            var token = tokens[at];
            var next = tokens[at + 1];
            var mutated = random.Next(3) switch
            {
                0 => text.Remove(token.StartIndex, token.StopIndex - token.StartIndex + 1),
                1 => text.Insert(token.StartIndex, token.Text + " "),
                _ => text[..token.StartIndex] + next.Text + " " + token.Text + text[(next.StopIndex + 1)..],
            };
            var (output, diagnostics) = TestPipeline.Run(mutated, 3, name, TestParser.GoldenArguments(path), guru: true);
            Assert.True(output.Length > 0 || diagnostics.Any(d => d.IsError), $"neither a program nor an error for:\n{mutated}");
            Assert.All(diagnostics.Where(d => d.IsError), d => Assert.NotNull(d.Location));
            if (CompileEach && output.Length > 0)
            {
                var image = new Passes.Build.ModuleCompiler().Compile("mutated", output);
                Assert.True(image.Succeeded || mutated.Contains("%{"),
                    $"the C# of this script does not compile:\n{mutated}\n" + string.Join("\n", image.Errors.Select(e => $"{e.Location}: {e.Id}: {e.Message}")));
            }
        }
    }
}
