using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CloudPI.Exploitability.AttackPaths;
using CloudPI.Enrichers;

namespace CloudPI.Commands.Report;

/// <summary>
/// The report's opening: the attack paths (toxic combinations) with the findings each explains and the one change
/// that breaks the most of them, so the first screen answers "what do I fix first, and why". Read from the
/// exploitability enricher's <c>cloudpi.attack_path</c> annotations; grouped and cut by <see cref="AttackPathAnalysis"/>.
/// A section of its own, so any report rendering can place it first.
/// </summary>
internal static class AttackPathSection
{
    private const int Detailed = 5;

    public static IReadOnlyList<AttackPath> Paths(IReadOnlyList<ReportFinding> findings) =>
        AttackPathAnalysis.Paths(findings.Select(ToPathFinding).OfType<PathFinding>());

    public static void Markdown(StringBuilder md, IReadOnlyList<ReportFinding> findings)
    {
        var paths = Paths(findings);
        if (paths.Count == 0)
        {
            return;
        }

        md.AppendLine("## Attack paths: what to fix first").AppendLine();
        if (AttackPathAnalysis.MostBreaking(paths) is { } change)
        {
            md.AppendLine(Invariant($"**The one change that breaks the most paths:** {change.Action} (`{change.Step.Id}`): it breaks {change.Broken} of the {change.Total} attack paths.")).AppendLine();
        }

        var rank = 0;
        foreach (var path in paths.Take(Detailed))
        {
            rank++;
            md.AppendLine(Invariant($"### Path {rank} [{path.Score}]: {path.Combination.Name}")).AppendLine();
            md.AppendLine(Invariant($"`{path.Combination.Chain}`")).AppendLine();
            md.AppendLine("```mermaid").Append(MarkdownReport.Mermaid(path.Combination.Chain)).AppendLine("```").AppendLine();
            md.AppendLine(Invariant($"Findings it explains ({path.Findings.Count}):"));
            foreach (var finding in path.Findings)
            {
                md.AppendLine(Invariant($"- [{finding.Score}] {finding.Label.Replace("|", "\\|", StringComparison.Ordinal)}"));
            }

            md.AppendLine();
        }

        if (paths.Count > Detailed)
        {
            md.AppendLine(Invariant($"_{paths.Count - Detailed} more attack paths; every finding on one carries `cloudpi.combination` and `cloudpi.attack_path`._")).AppendLine();
        }
    }

    public static void Html(StringBuilder html, IReadOnlyList<ReportFinding> findings)
    {
        var paths = Paths(findings);
        if (paths.Count == 0)
        {
            return;
        }

        html.AppendLine("<h2>Attack paths: what to fix first</h2>");
        if (AttackPathAnalysis.MostBreaking(paths) is { } change)
        {
            html.AppendLine(Invariant($"<p><strong>The one change that breaks the most paths:</strong> {E(change.Action)} (<code>{E(change.Step.Id)}</code>): it breaks {change.Broken} of the {change.Total} attack paths.</p>"));
        }

        html.AppendLine("<ol>");
        foreach (var path in paths.Take(Detailed))
        {
            html.AppendLine(Invariant($"<li><p><span class=\"score\">[{path.Score}]</span> <strong>{E(path.Combination.Name)}</strong>: <code>{E(path.Combination.Chain)}</code></p>"));
            html.AppendLine(PathDiagram.Svg(path.Combination.Chain)).AppendLine("<ul>");
            foreach (var finding in path.Findings)
            {
                html.AppendLine(Invariant($"<li>[{finding.Score}] {E(finding.Label)}</li>"));
            }

            html.AppendLine("</ul></li>");
        }

        html.AppendLine("</ol>");
    }

    /// <summary>The top paths for a terminal: each with its chain, the findings it explains and what each factor contributed.</summary>
    public static void Console(IReadOnlyList<ReportFinding> findings, TextWriter output, int top)
    {
        var paths = Paths(findings);
        if (paths.Count == 0)
        {
            return;
        }

        output.WriteLine(Invariant($"{paths.Count} attack paths, the most urgent first:"));
        if (AttackPathAnalysis.MostBreaking(paths) is { } change)
        {
            output.WriteLine(Invariant($"  Fix first: {change.Action} ({change.Step.Id}); it breaks {change.Broken} of {change.Total} paths."));
        }

        var byLabel = findings.GroupBy(Label).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var path in paths.Take(top))
        {
            output.WriteLine(Invariant($"  [{path.Score,3}] {path.Combination.Name}"));
            output.WriteLine(Invariant($"        {path.Combination.Chain}"));
            var lead = byLabel[path.Findings[0].Label];
            output.WriteLine(Invariant($"        score of {path.Findings[0].Label}: {string.Join(" + ", Components(lead))}"));
            output.WriteLine(Invariant($"        explains {path.Findings.Count} finding(s): {string.Join("; ", path.Findings.Take(4).Select(f => f.Label))}{(path.Findings.Count > 4 ? "; …" : "")}"));
        }

        output.WriteLine();
    }

    /// <summary>A scanner's vulnerability finding is named by its title (the CVE), a cloud finding by its control.</summary>
    private static string Label(ReportFinding finding) =>
        finding.Annotation(AnnotationKeys.Control) is null && finding.Annotation(AnnotationKeys.Vulnerabilities) is not null
            ? $"{finding.Issue.Title} on {finding.Issue.Target}"
            : $"{finding.Control} on {finding.Issue.Target}";

    private static PathFinding? ToPathFinding(ReportFinding finding)
    {
        if (finding.Annotation(AnnotationKeys.AttackPath) is not { } json)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var factors = root.GetProperty("combination").GetString()!
            .Split('×', StringSplitOptions.TrimEntries)
            .Select(name => Enum.Parse<CombinationFactor>(name, ignoreCase: true))
            .ToList();
        var steps = root.GetProperty("steps").EnumerateArray()
            .Select(s => new AttackStep(s.GetProperty("kind").GetString()!, s.GetProperty("id").GetString()!, s.GetProperty("label").GetString()!))
            .ToList();
        return new PathFinding(Label(finding), finding.Score, new ToxicCombination(factors, steps));
    }

    /// <summary><c>exploitability 51</c>, <c>vulnerability 7</c>… as the enricher wrote them.</summary>
    private static IEnumerable<string> Components(ReportFinding finding)
    {
        if (finding.Annotation(AnnotationKeys.PriorityComponents) is not { } json)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(c => Invariant($"{c.GetProperty("name").GetString()} {c.GetProperty("points").GetInt32()}"))];
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
