using System.Globalization;
using System.Text.Json;

namespace CloudPI.Bench.Enrichers;

/// <summary>
/// An enricher's own clock, read from its <c>--debug</c> JSON log: loading the graph, then analysing the issues and
/// writing the enriched files (overlapped), and its peak working set; for an organisation analysed one account at a time,
/// the accounts' loads, and their analyses plus the writing. Their ratio is what issue 16 asks of the
/// analysis (at most 50% of the load), measured inside one process, without its start or reading the issues.
/// </summary>
/// <param name="JitMilliseconds">CPU the JIT compiler spent during the analysis (none when published ahead of time).</param>
internal sealed record EnricherPhases(double LoadMilliseconds, double AnalysisMilliseconds, double AnalysisCpuMilliseconds, double GcPauseMilliseconds, double JitMilliseconds, double PeakMegabytes)
{
    private const string LoadPhase = "load graph";
    private const string AnalysisPhase = "analyse and write enriched files";

    // An organisation's run, one account at a time: its loads and analyses summed over the accounts, then the writing.
    private const string AccountLoadsPhase = "load account graphs";
    private const string AccountAnalysesPhase = "analyse account issues";
    private const string WritePhase = "write enriched files";

    public double AnalysisAddsPercent => AnalysisMilliseconds * 100 / LoadMilliseconds;

    public static EnricherPhases Parse(IEnumerable<string> logLines)
    {
        double? peak = null;
        var phases = new Dictionary<string, Cost>(StringComparer.Ordinal);
        foreach (var line in logLines.Where(l => l.StartsWith('{')))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            if (root.TryGetProperty("PeakMegabytes", out var peakMegabytes))
            {
                peak = peakMegabytes.GetDouble();
            }

            if (root.TryGetProperty("Phase", out var phase) && phase.GetString() is { } name)
            {
                phases[name] = new Cost(root.GetProperty("WallMilliseconds").GetDouble(), root.GetProperty("CpuMilliseconds").GetDouble(),
                    root.GetProperty("GcPauseMilliseconds").GetDouble(), root.GetProperty("JitMilliseconds").GetDouble());
            }
        }

        var (load, analysis) =
            phases.TryGetValue(LoadPhase, out var single) && phases.TryGetValue(AnalysisPhase, out var analysed) ? (single, analysed)
            : phases.TryGetValue(AccountLoadsPhase, out var loads) && phases.TryGetValue(AccountAnalysesPhase, out var analyses) && phases.TryGetValue(WritePhase, out var written)
                ? (loads, analyses + written)
            : throw new InvalidOperationException(
                $"the enricher's --debug log lacks its '{LoadPhase}' and '{AnalysisPhase}' phases (or, per account, '{AccountLoadsPhase}', '{AccountAnalysesPhase}' and '{WritePhase}')");
        return peak is { } peakWorkingSet
            ? new EnricherPhases(load.Wall, analysis.Wall, analysis.Cpu, analysis.Gc, analysis.Jit, peakWorkingSet)
            : throw new InvalidOperationException("the enricher's --debug log lacks its peak working set");
    }

    private readonly record struct Cost(double Wall, double Cpu, double Gc, double Jit)
    {
        public static Cost operator +(Cost a, Cost b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.Gc + b.Gc, a.Jit + b.Jit);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"load {LoadMilliseconds,5:N0} ms, analyse and write {AnalysisMilliseconds,5:N0} ms ({AnalysisCpuMilliseconds:N0} ms cpu, {GcPauseMilliseconds:N0} ms GC pauses, {JitMilliseconds:N0} ms JIT): analysis adds {AnalysisAddsPercent:F0}% to the load (goal <= 50%)");
}
