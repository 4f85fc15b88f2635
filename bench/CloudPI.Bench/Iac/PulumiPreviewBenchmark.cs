using System.Diagnostics;
using System.Globalization;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Producers;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Output;
using CloudPI.Iac.Reading;

namespace CloudPI.Bench.Iac;

/// <summary>
/// Generates a preview of RESOURCES (default 20000) resources, then times reading it, running the 13 checks and
/// writing the Dracon, SARIF and CloudWatch outputs; peak memory is measured in a fresh process that does only that.
/// Arguments: [RESOURCES]; internally: --run-only FILE (the memory child).
/// </summary>
public sealed class PulumiPreviewBenchmark : IBenchmark
{
    private const string RunOnlyFlag = "--run-only";
    private const int Runs = 3;

    public string Name => "pulumi-preview";

    public string Description => "read + 13 checks + Dracon/SARIF/metrics outputs for a synthetic Pulumi preview, and peak memory";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 2 && args[0] == RunOnlyFlag)
        {
            ReportRunOnly(args[1]);
            return;
        }

        var resources = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var directory = Directory.CreateTempSubdirectory("cloudpi-pulumi-bench-");
        try
        {
            var path = Path.Combine(directory.FullName, "preview.json");
            SyntheticPreview.Write(path, resources);
            Console.WriteLine($"synthetic preview: {resources:N0} resources, {new FileInfo(path).Length / 1e6:F1} MB");

            var best = Enumerable.Range(0, Runs).Select(_ => Measure(path, directory.FullName)).MinBy(t => t.Total)!;
            Console.WriteLine($"best of {Runs}: total {best.Total.TotalMilliseconds:F0} ms = read {best.Read.TotalMilliseconds:F0} ms + checks {best.Check.TotalMilliseconds:F0} ms + outputs {best.Write.TotalMilliseconds:F0} ms");
            Console.WriteLine($"results: {best.Findings:N0} ({best.Failures:N0} failures, {best.Issues:N0} Dracon issues, {best.MetricFiles} metrics file(s))");
            foreach (var line in await BenchChild.RunAsync(Name, [RunOnlyFlag, path], cancellationToken))
            {
                Console.WriteLine(line);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record Timing(TimeSpan Read, TimeSpan Check, TimeSpan Write, int Findings, int Failures, int Issues, int MetricFiles)
    {
        public TimeSpan Total => Read + Check + Write;
    }

    private static Timing Measure(string path, string outputDirectory)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var stack = IacInputReader.ReadFile(path);
        var read = clock.Elapsed;
        var evaluation = IacEvaluation.Run(stack, PolicyConfig.Default);
        var check = clock.Elapsed - read;
        var issues = DraconIssues.From(evaluation).ToList();
        new ProducerWriter(() => new Ocurity.Dracon.V1.ScanInfo { ScanUuid = "bench" }).Write(DraconIssues.ToolName, issues, Path.Combine(outputDirectory, "pulumi.pb"));
        AtomicFile.WriteAllBytes(Path.Combine(outputDirectory, "pulumi.sarif"), SarifLog.Write(evaluation, IacChecks.All.SelectMany(c => c.Controls).ToList(), ProjectDirectory.RepositoryRoot));
        var chunks = CloudWatchMetrics.Chunks(CloudWatchMetrics.Data(evaluation, new CommitAuthor("bench", "bench@example.com")), DateTimeOffset.UtcNow);
        for (var i = 0; i < chunks.Count; i++)
        {
            AtomicFile.WriteAllBytes(CloudWatchMetrics.ChunkPath(Path.Combine(outputDirectory, "metrics.json"), i), chunks[i]);
        }

        var write = clock.Elapsed - read - check;
        return new Timing(read, check, write, evaluation.Findings.Count, evaluation.Findings.Count(f => f.Result.Verdict == Verdict.Fail), issues.Count, chunks.Count);
    }


    private static void ReportRunOnly(string path)
    {
        var directory = Directory.CreateTempSubdirectory("cloudpi-pulumi-bench-run-");
        try
        {
            var timing = Measure(path, directory.FullName);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"single-run process: {timing.Total.TotalMilliseconds:F0} ms (cold, JIT included), peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, GC heap at the last collection {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F0} MB");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
