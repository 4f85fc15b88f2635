using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace CloudPI.Commands;

/// <summary>
/// What each phase of a command costs, logged at debug level (<c>--debug</c>) as one structured event per phase:
/// wall time, process CPU time, GC pauses and bytes allocated, so a slow run shows where its time went. A phase
/// may be timed in several pieces (<see cref="Measure{T}"/>) and logged once (<see cref="Log"/>).
/// </summary>
internal sealed class PhaseClock(ILogger logger, string command)
{
    private readonly bool _enabled = logger.IsEnabled(LogEventLevel.Debug);

    /// <summary>Runs and logs one phase.</summary>
    public T Time<T>(string phase, Func<T> work)
    {
        var cost = new PhaseCost();
        var result = Measure(cost, work);
        Log(phase, cost);
        return result;
    }

    /// <summary>Runs and logs one asynchronous phase.</summary>
    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var start = _enabled ? PhaseCost.Now() : default;
        var result = await work().ConfigureAwait(false);
        if (_enabled)
        {
            var cost = new PhaseCost();
            cost.Add(PhaseCost.Now() - start);
            Log(phase, cost);
        }

        return result;
    }

    /// <summary>Adds one piece of a phase that is logged later with <see cref="Log"/>.</summary>
    public T Measure<T>(PhaseCost cost, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(work);
        if (!_enabled)
        {
            return work();
        }

        var start = PhaseCost.Now();
        var result = work();
        cost.Add(PhaseCost.Now() - start);
        return result;
    }

    public void Log(string phase, PhaseCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (_enabled)
        {
            logger.Debug(
                "{Command} phase {Phase}: {WallMilliseconds} ms wall, {CpuMilliseconds} ms CPU, {GcPauseMilliseconds} ms GC pauses ({Gen0}/{Gen1}/{Gen2} collections of generation 0/1/2), {AllocatedMegabytes} MB allocated, {JitMilliseconds} ms compiling {JitMethods} methods",
                command, phase, (long)cost.Total.Wall.TotalMilliseconds, (long)cost.Total.Cpu.TotalMilliseconds, (long)cost.Total.GcPauses.TotalMilliseconds,
                cost.Total.Collections.Gen0, cost.Total.Collections.Gen1, cost.Total.Collections.Gen2, cost.Total.AllocatedBytes / 1_000_000,
                (long)cost.Total.Jit.TotalMilliseconds, cost.Total.JitMethods);
        }
    }

    /// <summary>Logs the process's peak working set so far (the memory a run needed at most).</summary>
    public void LogPeakMemory()
    {
        if (_enabled)
        {
            using var process = Process.GetCurrentProcess();
            logger.Debug("{Command} peak working set: {PeakMegabytes} MB", command, process.PeakWorkingSet64 / 1_000_000);
        }
    }
}

/// <summary>
/// The accumulated cost of one phase; pieces may be added from several threads (accounts analysed side by side), and
/// then overlapping pieces each count the process's CPU and collections of their time.
/// </summary>
internal sealed class PhaseCost(PhaseCost.Sample total = default)
{
    private readonly Lock _adding = new();

    public Sample Total { get; private set; } = total;

    public void Add(Sample piece)
    {
        lock (_adding)
        {
            Total += piece;
        }
    }

    public static Sample Now()
    {
        using var process = Process.GetCurrentProcess();
        return new Sample(Stopwatch.GetElapsedTime(0), process.TotalProcessorTime, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(),
            new Collections(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)), System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    }

    /// <param name="Jit">Time the JIT compiler spent, on any thread (none when published ahead of time).</param>
    public readonly record struct Sample(TimeSpan Wall, TimeSpan Cpu, TimeSpan GcPauses, long AllocatedBytes, Collections Collections, TimeSpan Jit, long JitMethods)
    {
        public static Sample operator +(Sample a, Sample b) =>
            new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.GcPauses + b.GcPauses, a.AllocatedBytes + b.AllocatedBytes, a.Collections + b.Collections, a.Jit + b.Jit, a.JitMethods + b.JitMethods);

        public static Sample operator -(Sample a, Sample b) =>
            new(a.Wall - b.Wall, a.Cpu - b.Cpu, a.GcPauses - b.GcPauses, a.AllocatedBytes - b.AllocatedBytes, a.Collections - b.Collections, a.Jit - b.Jit, a.JitMethods - b.JitMethods);
    }

    /// <summary>Garbage collections per generation (a generation 1 or 2 collection also counts as one of every younger generation).</summary>
    public readonly record struct Collections(int Gen0, int Gen1, int Gen2)
    {
        public static Collections operator +(Collections a, Collections b) => new(a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2);

        public static Collections operator -(Collections a, Collections b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
    }
}
