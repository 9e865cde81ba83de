using Tapline.Compare;

// bench/compare.sh [RUNS] [OUTPUT_DIR]: the seed's comparison with Tapline's numbers.
var runs = args.Length > 0 && int.TryParse(args[0], out var count) && count > 0 ? count : 5;
var output = args.Length > 1 ? args[1] : Path.Combine(Repository.Root, "bench", "results");
Directory.CreateDirectory(output);

var forms = new[] { "errno.stp", "errno_any.stp" };
var results = new List<FormResult>();
foreach (var script in forms)
{
    Console.Error.WriteLine($"compare: {script}, {runs} fresh processes, -p4 --disable-cache ...");
    results.Add(FormResult.Of(script, Enumerable.Range(0, runs).Select(_ => FreshRun.Measure(script)).ToList()));
}

var table = PassTable.Format(results, runs);
Console.Write(table);
File.WriteAllText(Path.Combine(output, "errno-passes.md"), table);
var chart = Path.Combine(output, "errno-passes.png");
PassChart.Draw(results, chart);
Console.Error.WriteLine($"compare: wrote {Path.Combine(output, "errno-passes.md")} and {chart}");
