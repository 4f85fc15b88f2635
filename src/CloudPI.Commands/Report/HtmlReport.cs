using System.Globalization;
using System.Net;
using System.Text;

namespace CloudPI.Commands.Report;

/// <summary>
/// The report as one self-contained HTML page, the same content as the Markdown: styles, script and the attack-path
/// diagrams (inline SVG) are all in the file, and its content security policy forbids any network access, so it
/// works offline (an air-gapped review, a CI artifact). Every finding is listed, the top ones open, the rest
/// collapsed; a search box and filters (severity, exploitability, muted) narrow the list in the browser.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:78em;padding:0 1em;color:#1d1d1f}
        h1{margin-bottom:.2em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d0d0;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#f4f4f6}td.n{text-align:right}code{font-size:.92em;word-break:break-all}dl.scope{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.scope dt{font-weight:600}
        .controls{position:sticky;top:0;background:#fff;padding:.6em 0;border-bottom:1px solid #ddd;display:flex;gap:1em;flex-wrap:wrap;align-items:center;z-index:1}
        .controls input[type=search]{min-width:22em;padding:.3em}
        details.finding{border:1px solid #ddd;border-radius:6px;margin:.4em 0;padding:.3em .7em}details.finding[open]{background:#fcfcfd}
        details.finding summary{cursor:pointer;display:flex;gap:.7em;align-items:baseline;flex-wrap:wrap}
        .rank{color:#666;min-width:2.5em}.score{font-weight:700;min-width:2em}.sev{font-size:.78em;font-weight:700;padding:.1em .45em;border-radius:4px;color:#fff}
        .sev-CRITICAL{background:#8e1b1b}.sev-HIGH{background:#c0392b}.sev-MEDIUM{background:#d68910}.sev-LOW{background:#2e86c1}.sev-INFO{background:#7f8c8d}
        .muted-badge{font-size:.78em;border:1px solid #888;border-radius:4px;padding:0 .4em;color:#555}
        .facts{display:grid;grid-template-columns:max-content auto;gap:.25em 1em;margin:.6em 0}.facts dt{font-weight:600}.facts dd{margin:0}
        .diagram{overflow-x:auto;margin:.5em 0}.warn{color:#8a4b00}tr.req-fail td:nth-child(5){color:#c0392b;font-weight:700}tr.req-pass td:nth-child(5){color:#1e8449}
        """;

    private const string Script = """
        (() => {
          const search = document.getElementById('search'), severity = document.getElementById('severity'),
                exploitable = document.getElementById('exploitable'), muted = document.getElementById('show-muted'),
                count = document.getElementById('shown'), findings = Array.from(document.querySelectorAll('details.finding'));
          function apply() {
            const words = search.value.trim().toLowerCase().split(/\s+/).filter(w => w.length > 0);
            let shown = 0;
            for (const f of findings) {
              const visible = words.every(w => f.dataset.search.includes(w))
                && Number(f.dataset.severity) >= Number(severity.value)
                && (exploitable.value === '' || f.dataset.exploitable === exploitable.value)
                && (muted.checked || f.dataset.muted !== 'true');
              f.hidden = !visible;
              if (visible) shown++;
            }
            count.textContent = shown + ' of ' + findings.length + ' findings shown';
          }
          for (const control of [search, severity, exploitable, muted]) control.addEventListener('input', apply);
          apply();
        })();
        """;

    public static string Write(ReportModel model)
    {
        var html = new StringBuilder();
        html.AppendLine("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        // No request may leave the page: everything it needs is inline.
        html.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>CloudPI report</title>");
        html.Append("<style>").Append(Style).Append(PathDiagram.Style).AppendLine("</style></head><body>").AppendLine(PathDiagram.SharedDefinitions);
        html.AppendLine("<h1>CloudPI report</h1><dl class=\"scope\">");
        html.AppendLine(Invariant($"<dt>Scan</dt><dd>{(model.Scope.ScanId.Length > 0 ? $"<code>{E(model.Scope.ScanId)}</code>" : "(no scan id)")}, started {E(MarkdownReport.Started(model.Scope))}</dd>"));
        html.AppendLine(Invariant($"<dt>Producers</dt><dd>{E(List(model.Scope.Tools))}</dd><dt>Accounts</dt><dd>{E(List(model.Scope.Accounts))}</dd><dt>Filters</dt><dd>{E(List(model.Scope.Filters, "none"))}</dd>"));
        if (model.Baseline is { } baseline)
        {
            html.AppendLine(Invariant($"<dt>Baseline</dt><dd>only findings new since <code>{E(baseline.Directory)}</code> ({baseline.Previous} findings then; {baseline.Unchanged} still present, {baseline.Resolved} resolved)</dd>"));
        }

        html.AppendLine("</dl>");
        foreach (var expired in model.ExpiredMutes)
        {
            html.AppendLine(Invariant($"<p class=\"warn\">Expired mute entry (no longer mutes): control <code>{E(expired.Control ?? "*")}</code>, resource <code>{E(expired.ResourcePattern)}</code>, expired {expired.Expires:yyyy-MM-dd}: {E(expired.Reason)}</p>"));
        }

        html.AppendLine(Invariant($"<p>{E(model.Headline())}</p>"));
        AttackPathSection.Html(html, [.. model.Active]);
        html.AppendLine("<h2>Summary by control and account</h2><table><tr><th>Control</th><th>Account</th><th>Findings</th><th>Exploitable</th><th>Muted</th><th>Highest priority</th></tr>");
        foreach (var row in model.Summary())
        {
            html.AppendLine(Invariant($"<tr><td><code>{E(row.Control)}</code></td><td>{E(row.Account)}</td><td class=\"n\">{row.Count}</td><td class=\"n\">{row.Exploitable}</td><td class=\"n\">{row.Muted}</td><td class=\"n\">{row.Highest}</td></tr>"));
        }

        html.AppendLine("</table>");
        if (model.Compliance is { } compliance)
        {
            html.AppendLine("<h2>Compliance</h2><p>A requirement fails when the run reported an unmuted finding of one of its controls; it passes when no producer of the run reported one.</p>");
            foreach (var (framework, pass, fail, mutedCount) in ComplianceView.Totals(compliance))
            {
                html.AppendLine(Invariant($"<h3>{E(framework)}: {pass} pass, {fail} fail, {mutedCount} muted</h3><table><tr><th>Requirement</th><th>Title</th><th>Security Hub</th><th>Controls</th><th>Status</th><th>Findings</th></tr>"));
                foreach (var r in compliance.Where(r => r.Requirement.Framework == framework))
                {
                    html.AppendLine(Invariant($"<tr class=\"req-{r.Status}\"><td>{E(r.Requirement.Id)}</td><td>{E(r.Requirement.Title)}</td><td>{E(string.Join(", ", r.Requirement.SecurityHubControls))}</td><td><code>{E(string.Join(", ", r.Controls))}</code></td><td>{r.Status.ToUpperInvariant()}</td><td class=\"n\">{r.Failing + r.Muted}</td></tr>"));
                }

                html.AppendLine("</table>");
            }
        }

        html.AppendLine("<h2>Findings by priority</h2>");
        html.AppendLine("<div class=\"controls\"><input id=\"search\" type=\"search\" placeholder=\"Search resource, control, path, reason…\" aria-label=\"Search findings\">");
        html.AppendLine("<label>Severity <select id=\"severity\"><option value=\"0\">any</option><option value=\"5\">critical</option><option value=\"4\">high and above</option><option value=\"3\">medium and above</option><option value=\"2\">low and above</option></select></label>");
        html.AppendLine("<label>Exploitable <select id=\"exploitable\"><option value=\"\">any</option><option>true</option><option>conditional</option><option>unknown</option><option>false</option></select></label>");
        html.AppendLine(Invariant($"<label><input id=\"show-muted\" type=\"checkbox\" checked> muted ({model.MutedCount})</label><span id=\"shown\"></span></div>"));

        var active = 0;
        foreach (var finding in model.Findings)
        {
            var open = finding.Muted is null && active++ < model.Top;
            Finding(html, finding, finding.Muted is null ? active.ToString(CultureInfo.InvariantCulture) : "–", open);
        }

        html.Append("<script>").Append(Script).AppendLine("</script></body></html>");
        return html.ToString();
    }

    private static void Finding(StringBuilder html, ReportFinding f, string rank, bool open)
    {
        var search = string.Join(' ', new[] { f.Issue.Title, f.Control, f.Issue.Target, f.Account, f.Severity, string.Join(' ', f.Tools), f.Path, f.Reason, f.Muted }.Where(s => s is not null)).ToLowerInvariant();
        html.Append(Invariant($"<details class=\"finding\" data-severity=\"{(int)f.Issue.Severity}\" data-exploitable=\"{E(f.Exploitable)}\" data-muted=\"{(f.Muted is not null ? "true" : "false")}\" data-search=\"{E(search)}\"{(open ? " open" : string.Empty)}>"));
        html.Append(Invariant($"<summary><span class=\"rank\">{rank}.</span><span class=\"score\">{f.Score}</span><span class=\"sev sev-{f.Severity}\">{f.Severity}</span><strong>{E(f.Issue.Title)}</strong><code>{E(f.Issue.Target)}</code>{(f.Muted is not null ? "<span class=\"muted-badge\">muted</span>" : string.Empty)}</summary>"));
        html.Append("<dl class=\"facts\">");
        Fact(html, "Control", Invariant($"<code>{E(f.Control)}</code>, severity {E(f.Severity)}{E(MarkdownReport.Was(f))}"));
        Fact(html, "Producers", E(string.Join(", ", f.Tools)));
        Fact(html, "Account", E(f.Account));
        Fact(html, "Exploitable", Invariant($"{E(f.Exploitable)}; reachable: {E(f.Reachable)}"));
        if (f.Reason is { } reason)
        {
            Fact(html, "Why", E(reason));
        }

        if (f.ExploitabilityReasons is { Count: > 0 } reasons)
        {
            Fact(html, "Exploitability", "<ul>" + string.Concat(reasons.Select(r => $"<li>{E(r)}</li>")) + "</ul>");
        }

        if (f.Fix is { } fix)
        {
            Fact(html, "Fix", E(fix));
        }

        if (f.Muted is { } muted)
        {
            Fact(html, "Muted", E(muted) + (f.MutedUntil is { } until ? $" (until {E(until)})" : string.Empty));
        }

        if (f.HasPath)
        {
            Fact(html, "Path", Invariant($"<code>{E(f.Path!)}</code>"));
        }

        html.Append("</dl>");
        if (f.HasPath)
        {
            html.Append("<div class=\"diagram\">").Append(PathDiagram.Svg(f.Path!)).Append("</div>");
        }

        html.AppendLine("</details>");
    }

    private static void Fact(StringBuilder html, string name, string valueHtml) => html.Append("<dt>").Append(name).Append("</dt><dd>").Append(valueHtml).Append("</dd>");

    private static string List(IReadOnlyList<string> items, string empty = "-") => items.Count == 0 ? empty : string.Join(", ", items);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
