using System.Globalization;
using System.Text;

namespace CloudPI.Commands.Report;

/// <summary>
/// The report as Markdown, for repositories and tickets: scope, summary by control and account, the top findings in
/// detail with a Mermaid diagram of each attack path, every other finding in a collapsed table, muted findings apart.
/// </summary>
internal static class MarkdownReport
{
    public static string Write(ReportModel model)
    {
        var md = new StringBuilder();
        md.AppendLine("# CloudPI report").AppendLine();
        md.AppendLine(Invariant($"- **Scan:** {(model.Scope.ScanId.Length > 0 ? $"`{model.Scope.ScanId}`" : "(no scan id)")}, started {Started(model.Scope)}"));
        md.AppendLine(Invariant($"- **Scope:** producers {List(model.Scope.Tools)}; accounts {List(model.Scope.Accounts)}; filters {List(model.Scope.Filters, "none")}"));
        if (model.Baseline is { } baseline)
        {
            md.AppendLine(Invariant($"- **Baseline:** only findings new since `{baseline.Directory}` ({baseline.Previous} findings then; {baseline.Unchanged} still present, {baseline.Resolved} resolved)"));
        }

        foreach (var expired in model.ExpiredMutes)
        {
            md.AppendLine(Invariant($"- **Expired mute entry** (no longer mutes): control `{expired.Control ?? "*"}`, resource `{expired.ResourcePattern}`, expired {expired.Expires:yyyy-MM-dd}: {Cell(expired.Reason)}"));
        }

        md.AppendLine().AppendLine(model.Headline()).AppendLine();
        AttackPathSection.Markdown(md, [.. model.Active]);

        md.AppendLine("## Summary by control and account").AppendLine();
        md.AppendLine("| Control | Account | Findings | Exploitable | Muted | Highest priority |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var row in model.Summary())
        {
            md.AppendLine(Invariant($"| {Cell(row.Control)} | {row.Account} | {row.Count} | {row.Exploitable} | {row.Muted} | {row.Highest} |"));
        }

        if (model.Compliance is { } compliance)
        {
            md.AppendLine().AppendLine("## Compliance").AppendLine();
            md.AppendLine("A requirement fails when the run reported an unmuted finding of one of its controls; it passes when no producer of the run reported one.").AppendLine();
            foreach (var (framework, pass, fail, mutedCount) in ComplianceView.Totals(compliance))
            {
                md.AppendLine(Invariant($"### {framework}: {pass} pass, {fail} fail, {mutedCount} muted")).AppendLine();
                md.AppendLine("| Requirement | Title | Security Hub | Controls | Status | Findings |");
                md.AppendLine("|---|---|---|---|---|---:|");
                foreach (var r in compliance.Where(r => r.Requirement.Framework == framework))
                {
                    md.AppendLine(Invariant($"| {r.Requirement.Id} | {Cell(r.Requirement.Title)} | {string.Join(", ", r.Requirement.SecurityHubControls)} | {string.Join(", ", r.Controls.Select(c => $"`{c}`"))} | {r.Status.ToUpperInvariant()} | {r.Failing + r.Muted} |"));
                }

                md.AppendLine();
            }
        }

        md.AppendLine().AppendLine("## Findings by priority").AppendLine();
        var active = model.Active.ToList();
        foreach (var (finding, rank) in active.Take(model.Top).Select((f, i) => (f, i + 1)))
        {
            md.AppendLine(Invariant($"### {rank}. [{finding.Score}] {Cell(finding.Issue.Title)}")).AppendLine();
            md.AppendLine(Invariant($"- **Resource:** `{finding.Issue.Target}` (account {finding.Account})"));
            md.AppendLine(Invariant($"- **Control:** `{finding.Control}` ({string.Join(", ", finding.Tools)}), severity {finding.Severity}{Was(finding)}"));
            md.AppendLine(Invariant($"- **Exploitable:** {finding.Exploitable}; **reachable:** {finding.Reachable}"));
            if (finding.Reason is { } reason)
            {
                md.AppendLine(Invariant($"- **Why:** {reason}"));
            }

            foreach (var because in finding.ExploitabilityReasons)
            {
                md.AppendLine(Invariant($"  - {because}"));
            }

            if (finding.Fix is { } fix)
            {
                md.AppendLine(Invariant($"- **Fix:** {fix}"));
            }

            if (finding.HasPath)
            {
                md.AppendLine(Invariant($"- **Path:** `{finding.Path}`"));
                md.AppendLine().AppendLine("```mermaid").Append(Mermaid(finding.Path!)).AppendLine("```");
            }

            md.AppendLine();
        }

        if (active.Count > model.Top)
        {
            md.AppendLine(Invariant($"<details><summary>{active.Count - model.Top} more findings with lower priority</summary>")).AppendLine();
            Table(md, active.Skip(model.Top).Select((f, i) => (f, model.Top + i + 1)), muted: false);
            md.AppendLine().AppendLine("</details>").AppendLine();
        }

        var muted = model.Findings.Where(f => f.Muted is not null).ToList();
        if (muted.Count > 0)
        {
            md.AppendLine(Invariant($"## Muted findings ({muted.Count})")).AppendLine();
            md.AppendLine("Accepted through the mute file: kept and counted, not ranked with the rest.").AppendLine();
            Table(md, muted.Select((f, i) => (f, i + 1)), muted: true);
            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>The compact path <c>internet → igw-1 → sg-1 tcp/22 → i-1</c> as a left-to-right flowchart.</summary>
    public static string Mermaid(string path)
    {
        var hops = PathDiagram.Hops(path);
        var text = new StringBuilder("flowchart LR\n");
        for (var i = 0; i < hops.Count; i++)
        {
            text.Append(Invariant($"  n{i}[\"{hops[i].Replace("\"", "'", StringComparison.Ordinal)}\"]"));
            text.Append(i + 1 < hops.Count ? Invariant($" --> n{i + 1}\n") : "\n");
        }

        return text.ToString();
    }

    private static void Table(StringBuilder md, IEnumerable<(ReportFinding Finding, int Rank)> rows, bool muted)
    {
        md.AppendLine(muted
            ? "| # | Priority | Severity | Control | Resource | Producers | Exploitable | Reachable | Muted because | Until |"
            : "| # | Priority | Severity | Control | Resource | Producers | Exploitable | Reachable | Path | Fix |");
        md.AppendLine("|---:|---:|---|---|---|---|---|---|---|---|");
        foreach (var (f, rank) in rows)
        {
            var last = muted
                ? $"{Cell(f.Muted ?? string.Empty)} | {f.MutedUntil ?? "never"}"
                : $"{(f.HasPath ? $"`{Cell(f.Path!)}`" : string.Empty)} | {Cell(f.Fix ?? string.Empty)}";
            md.AppendLine(Invariant($"| {rank} | {f.Score} | {f.Severity} | `{Cell(f.Control)}` | `{Cell(f.Issue.Target)}` | {string.Join(", ", f.Tools)} | {f.Exploitable} | {f.Reachable} | {last} |"));
        }
    }

    internal static string Started(ReportScope scope) =>
        scope.Started is { } started ? started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "(unknown time)";

    internal static string Was(ReportFinding finding) =>
        finding.OriginalSeverity is { } original && !string.Equals(original, finding.Severity, StringComparison.OrdinalIgnoreCase)
            ? $" (producer: {original.ToUpperInvariant()})"
            : string.Empty;

    private static string List(IReadOnlyList<string> items, string empty = "-") => items.Count == 0 ? empty : string.Join(", ", items);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
