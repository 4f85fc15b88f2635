using System.Globalization;
using System.Text.Json;

namespace CloudPI.Bench.Enrichers;

/// <summary>
/// An enricher's own clock, read from its <c>--debug</c> JSON log: loading the graph, then analysing the issues and
/// writing the enriched files (overlapped), and its peak working set. Their ratio is what issue 16 asks of the
/// analysis (at most 50% of the load), measured inside one process, without its start or reading the issues.
/// </summary>
/// <param name="JitMilliseconds">CPU the JIT compiler spent during the analysis (none when published ahead of time).</param>
internal sealed record EnricherPhases(double LoadMilliseconds, double AnalysisMilliseconds, double AnalysisCpuMilliseconds, double GcPauseMilliseconds, double JitMilliseconds, double PeakMegabytes)
{
    private const string LoadPhase = "load graph";
    private const string AnalysisPhase = "analyse and write enriched files";

    public double AnalysisAddsPercent => AnalysisMilliseconds * 100 / LoadMilliseconds;

    public static EnricherPhases Parse(IEnumerable<string> logLines)
    {
        double? load = null;
        double? peak = null;
        (double Wall, double Cpu, double Gc, double Jit)? analysis = null;
        foreach (var line in logLines.Where(l => l.StartsWith('{')))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            if (root.TryGetProperty("PeakMegabytes", out var peakMegabytes))
            {
                peak = peakMegabytes.GetDouble();
            }

            switch (root.TryGetProperty("Phase", out var phase) ? phase.GetString() : null)
            {
                case LoadPhase:
                    load = root.GetProperty("WallMilliseconds").GetDouble();
                    break;
                case AnalysisPhase:
                    analysis = (root.GetProperty("WallMilliseconds").GetDouble(), root.GetProperty("CpuMilliseconds").GetDouble(), root.GetProperty("GcPauseMilliseconds").GetDouble(),
                        root.GetProperty("JitMilliseconds").GetDouble());
                    break;
            }
        }

        if (load is null || analysis is null || peak is null)
        {
            throw new InvalidOperationException($"the enricher's --debug log lacks its '{LoadPhase}' or '{AnalysisPhase}' phase or its peak working set");
        }

        return new EnricherPhases(load.Value, analysis.Value.Wall, analysis.Value.Cpu, analysis.Value.Gc, analysis.Value.Jit, peak.Value);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"load {LoadMilliseconds,5:N0} ms, analyse and write {AnalysisMilliseconds,5:N0} ms ({AnalysisCpuMilliseconds:N0} ms cpu, {GcPauseMilliseconds:N0} ms GC pauses, {JitMilliseconds:N0} ms JIT): analysis adds {AnalysisAddsPercent:F0}% to the load (goal <= 50%)");
}
