using CloudPI.Controls;
using CloudPI.Dracon;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;
using CloudPI.Enrichers.Muting;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Report;

/// <summary>What the run covered: its Dracon scan, when it started, the producers and accounts it saw, the filters applied.</summary>
internal sealed record ReportScope(string ScanId, DateTimeOffset? Started, IReadOnlyList<string> Tools, IReadOnlyList<string> Accounts, IReadOnlyList<string> Filters);

/// <summary>How this run compares with an earlier one: only findings absent from it are shown.</summary>
internal sealed record BaselineComparison(string Directory, int Previous, int Unchanged, int Resolved);

/// <summary>Which findings a report or export keeps: at least a severity, in some accounts, of some controls (empty = all).</summary>
internal sealed record FindingFilter(Severity? MinSeverity, IReadOnlySet<string> Accounts, IReadOnlySet<string> Controls)
{
    public static FindingFilter None { get; } = new(null, new HashSet<string>(), new HashSet<string>());

    public bool Keeps(ReportFinding finding) =>
        (MinSeverity is not { } min || finding.Issue.Severity >= min)
        && (Accounts.Count == 0 || Accounts.Contains(finding.Account))
        && (Controls.Count == 0 || Controls.Contains(finding.Control) || Controls.Contains(finding.Issue.Type));

    public IReadOnlyList<string> Describe() =>
    [
        .. MinSeverity is { } min ? new[] { $"severity ≥ {ReportFinding.SeverityName(min)}" } : [],
        .. Accounts.Count > 0 ? new[] { $"account {string.Join(", ", Accounts.Order(StringComparer.Ordinal))}" } : [],
        .. Controls.Count > 0 ? new[] { $"control {string.Join(", ", Controls.Order(StringComparer.Ordinal))}" } : [],
    ];
}

/// <summary>
/// The one model every rendering and export reads: the scope, every finding (unmuted by priority, then muted ones),
/// how many to detail, the baseline comparison and the mute entries that expired.
/// </summary>
internal sealed record ReportModel(ReportScope Scope, IReadOnlyList<ReportFinding> Findings, int Top, BaselineComparison? Baseline, IReadOnlyList<MuteEntry> ExpiredMutes)
{
    /// <summary>Pass/fail per framework requirement, when asked for (judged on every finding the filters keep, before the baseline).</summary>
    public IReadOnlyList<RequirementResult>? Compliance { get; init; }

    public IEnumerable<ReportFinding> Active => Findings.Where(f => f.Muted is null);

    public int MutedCount => Findings.Count(f => f.Muted is not null);

    public int ExploitableCount => Active.Count(f => f.Exploitable == "true");

    public int ReachableCount => Active.Count(f => f.Reachable == "true");

    /// <summary>Findings per control and account, highest priority first; muted findings counted apart.</summary>
    public IEnumerable<(string Control, string Account, int Count, int Exploitable, int Muted, int Highest)> Summary() =>
        Findings.GroupBy(f => (f.Control, f.Account))
            .Select(g => (g.Key.Control, g.Key.Account, g.Count(), g.Count(f => f.Muted is null && f.Exploitable == "true"), g.Count(f => f.Muted is not null), g.Max(f => f.Score)))
            .OrderByDescending(g => g.Item6)
            .ThenBy(g => g.Control, StringComparer.Ordinal)
            .ThenBy(g => g.Account, StringComparer.Ordinal);

    /// <summary>The one-line headline both renderings open with.</summary>
    public string Headline() => FormattableString.Invariant(
        $"{Findings.Count} findings; {ExploitableCount} exploitable, {ReachableCount} reachable from the internet; {MutedCount} muted.");

    /// <summary>
    /// Reads the aggregated files under <paramref name="directory"/>, merges the producers' reports of one control on
    /// one resource, applies the mute list (annotating what it covers), the filter and the baseline.
    /// </summary>
    public static ReportModel Build(string directory, int top, FindingFilter filter, MuteList mutes, DateOnly today, string? baselineDirectory = null, bool compliance = false)
    {
        var (scanInfo, all) = Read(directory);
        foreach (var finding in all)
        {
            MuteAnnotations.Apply(finding.Enriched, mutes, today);
        }

        var kept = all.Where(filter.Keeps).ToList();
        var requirements = compliance ? ComplianceView.Evaluate(kept, ControlCatalog.Default) : null;
        BaselineComparison? baseline = null;
        if (baselineDirectory is not null)
        {
            var previous = Read(baselineDirectory).Findings.Where(filter.Keeps).Select(f => f.Key).ToHashSet();
            var current = kept.Select(f => f.Key).ToHashSet();
            baseline = new BaselineComparison(baselineDirectory, previous.Count, current.Count(previous.Contains), previous.Count(k => !current.Contains(k)));
            kept = [.. kept.Where(f => !previous.Contains(f.Key))];
        }

        var scope = new ReportScope(
            scanInfo?.ScanUuid ?? string.Empty,
            scanInfo?.ScanStartTime?.ToDateTimeOffset(),
            [.. all.SelectMany(f => f.Tools).Distinct().Order(StringComparer.Ordinal)],
            [.. all.Select(f => f.Account).Where(a => a != "-").Distinct().Order(StringComparer.Ordinal)],
            filter.Describe());
        var ordered = kept.Where(f => f.Muted is null).Concat(kept.Where(f => f.Muted is not null)).ToList();
        return new ReportModel(scope, ordered, top, baseline, [.. mutes.Expired(today)]) { Compliance = requirements };
    }

    /// <summary>
    /// Every aggregated finding, highest priority first; ties by severity, then target, so the order is stable. The
    /// reports of several producers on the same control and resource are one finding that lists them all.
    /// </summary>
    public static (ScanInfo? ScanInfo, IReadOnlyList<ReportFinding> Findings) Read(string directory)
    {
        var files = DraconFile.Find(directory, EnrichmentAggregator.AggregatedSuffix);
        if (files.Count == 0)
        {
            throw new DraconFormatException($"{directory}: no *{EnrichmentAggregator.AggregatedSuffix} files found (run the aggregator first)");
        }

        var responses = files.Select(DraconFile.ReadEnriched).ToList();
        var findings = responses
            .SelectMany(file => file.Issues.Select(issue => new ReportFinding(file.OriginalResults.ToolName, issue)))
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Tool, StringComparer.Ordinal)
            .GroupBy(f => f.Key)
            .Select(same => same.First() with
            {
                Tools = [.. same.Select(f => f.Tool).Distinct().Order(StringComparer.Ordinal)],
                Uuids = [.. same.Select(f => f.Issue.Uuid)],
            })
            .OrderByDescending(f => f.Score)
            .ThenByDescending(f => f.Issue.Severity)
            .ThenBy(f => f.Issue.Target, StringComparer.Ordinal)
            .ThenBy(f => f.Issue.Type, StringComparer.Ordinal)
            .ToList();
        return (responses.Select(r => r.OriginalResults.ScanInfo).FirstOrDefault(s => s is not null), findings);
    }
}
