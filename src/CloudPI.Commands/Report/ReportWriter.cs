using System.Globalization;
using System.Net;
using System.Text;

namespace CloudPI.Commands.Report;

/// <summary>
/// The report for people: a summary by control and account, then every finding ranked by priority with its reason
/// and a Mermaid diagram of its attack path. Markdown for repositories and tickets, HTML for a browser.
/// </summary>
internal static class ReportWriter
{
    public static string Markdown(IReadOnlyList<ReportFinding> findings, int top)
    {
        var md = new StringBuilder();
        md.AppendLine("# CloudPI report").AppendLine();
        md.AppendLine(Invariant($"{findings.Count} findings; {findings.Count(f => f.Exploitable == "true")} exploitable, {findings.Count(f => f.Reachable == "true")} reachable from the internet.")).AppendLine();
        AttackPathSection.Markdown(md, findings);

        md.AppendLine("## Summary by control and account").AppendLine();
        md.AppendLine("| Control | Account | Findings | Exploitable | Highest priority |");
        md.AppendLine("|---|---|---:|---:|---:|");
        foreach (var group in findings.GroupBy(f => (f.Control, f.Account)).OrderByDescending(g => g.Max(f => f.Score)).ThenBy(g => g.Key.Control, StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"| {Cell(group.Key.Control)} | {group.Key.Account} | {group.Count()} | {group.Count(f => f.Exploitable == "true")} | {group.Max(f => f.Score)} |"));
        }

        md.AppendLine().AppendLine("## Findings by priority").AppendLine();
        var rank = 0;
        foreach (var finding in findings.Take(top))
        {
            rank++;
            md.AppendLine(Invariant($"### {rank}. [{finding.Score}] {Cell(finding.Issue.Title)}")).AppendLine();
            md.AppendLine(Invariant($"- **Resource:** `{finding.Issue.Target}`"));
            md.AppendLine(Invariant($"- **Control:** `{finding.Control}` ({string.Join(", ", finding.Tools)}), severity {finding.Issue.Severity.ToString().ToUpperInvariant()}"));
            md.AppendLine(Invariant($"- **Exploitable:** {finding.Exploitable}; **reachable:** {finding.Reachable}"));
            if (finding.Reason is { } reason)
            {
                md.AppendLine(Invariant($"- **Why:** {reason}"));
            }

            if (finding.Annotation(CloudPI.Enrichers.AnnotationKeys.ReachabilityFix) is { } fix)
            {
                md.AppendLine(Invariant($"- **Smallest fix:** {fix}"));
            }

            if (finding.Path is { } path && path.Contains('→', StringComparison.Ordinal))
            {
                md.AppendLine().AppendLine("```mermaid").Append(Mermaid(path)).AppendLine("```");
            }

            md.AppendLine();
        }

        if (findings.Count > top)
        {
            md.AppendLine(Invariant($"_{findings.Count - top} more findings with lower priority are in the aggregated Dracon files._"));
        }

        return md.ToString();
    }

    public static string Html(IReadOnlyList<ReportFinding> findings, int top)
    {
        var html = new StringBuilder();
        html.AppendLine("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CloudPI report</title>");
        html.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}.score{font-weight:bold}pre.mermaid{background:#f7f7f7;padding:1em}</style>");
        html.AppendLine("<script type=\"module\">import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'; mermaid.initialize({startOnLoad:true});</script>");
        html.AppendLine("</head><body><h1>CloudPI report</h1>");
        html.AppendLine(Invariant($"<p>{findings.Count} findings; {findings.Count(f => f.Exploitable == "true")} exploitable, {findings.Count(f => f.Reachable == "true")} reachable from the internet.</p>"));
        AttackPathSection.Html(html, findings);
        html.AppendLine("<h2>Summary by control and account</h2><table><tr><th>Control</th><th>Account</th><th>Findings</th><th>Exploitable</th><th>Highest priority</th></tr>");
        foreach (var group in findings.GroupBy(f => (f.Control, f.Account)).OrderByDescending(g => g.Max(f => f.Score)).ThenBy(g => g.Key.Control, StringComparer.Ordinal))
        {
            html.AppendLine(Invariant($"<tr><td>{E(group.Key.Control)}</td><td>{E(group.Key.Account)}</td><td>{group.Count()}</td><td>{group.Count(f => f.Exploitable == "true")}</td><td>{group.Max(f => f.Score)}</td></tr>"));
        }

        html.AppendLine("</table><h2>Findings by priority</h2><ol>");
        foreach (var finding in findings.Take(top))
        {
            html.AppendLine(Invariant($"<li><p><span class=\"score\">[{finding.Score}]</span> <strong>{E(finding.Issue.Title)}</strong> on <code>{E(finding.Issue.Target)}</code></p>"));
            html.AppendLine(Invariant($"<p>Control <code>{E(finding.Control)}</code> ({E(string.Join(", ", finding.Tools))}), exploitable: {E(finding.Exploitable)}, reachable: {E(finding.Reachable)}</p>"));
            if (finding.Reason is { } reason)
            {
                html.AppendLine(Invariant($"<p>{E(reason)}</p>"));
            }

            if (finding.Path is { } path && path.Contains('→', StringComparison.Ordinal))
            {
                html.AppendLine(Invariant($"<pre class=\"mermaid\">{E(Mermaid(path))}</pre>"));
            }

            html.AppendLine("</li>");
        }

        html.AppendLine("</ol></body></html>");
        return html.ToString();
    }

    /// <summary>The compact path <c>internet → igw-1 → sg-1 tcp/22 → i-1</c> as a left-to-right flowchart.</summary>
    public static string Mermaid(string path)
    {
        var hops = path.Split('→', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder("flowchart LR\n");
        for (var i = 0; i < hops.Length; i++)
        {
            text.Append(Invariant($"  n{i}[\"{hops[i].Replace("\"", "'", StringComparison.Ordinal)}\"]"));
            text.Append(i + 1 < hops.Length ? Invariant($" --> n{i + 1}\n") : "\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
