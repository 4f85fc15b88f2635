using System.Globalization;
using System.Text;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using CloudPI.Iac.Output;

namespace CloudPI.PlannedExposure;

/// <summary>The difference as Markdown for a pull-request comment: opened, undecided and closed paths with their paths, and the gate.</summary>
public static class PullRequestSummary
{
    public static string Write(IReadOnlyList<PathChange> changes, IReadOnlyList<IacResource> notModelled, IacEvaluation evaluation, bool failOnUnknown)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(notModelled);
        ArgumentNullException.ThrowIfNull(evaluation);
        var text = new StringBuilder();
        var level = evaluation.Findings.Select(f => f.Level).DefaultIfEmpty(EnforcementLevel.Mandatory).Max();
        text.AppendLine("## Internet exposure after this change");
        text.AppendLine();
        foreach (var reason in evaluation.Stack.IncompleteReasons)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"> **Incomplete preview:** {reason}");
        }

        Section(text, "Newly reachable", changes.Where(c => c.Kind == ChangeKind.Opened), c =>
            $"**{c.ResourceId}** on `{c.Traffic}` — opened by `{c.Cause?.Name}` ({c.Cause?.Type})<br>path: `{c.Path}`"
            + (c.Exploitability is { } e ? $"<br>exploitability: **{e.Status.ToString().ToLowerInvariant()}** — {e.Sentence}" : string.Empty));
        Section(text, "Newly exploitable (already reachable)", changes.Where(c => c.Kind == ChangeKind.NewlyExploitable), c =>
            $"**{c.ResourceId}** on `{c.Traffic}` — made exploitable by `{c.Cause?.Name}` ({c.Cause?.Type}): {Escape(c.Reason)}<br>path: `{c.Path}`");
        Section(text, "Undecided before deployment", changes.Where(c => c.Kind == ChangeKind.Undecided), c =>
            $"**{c.ResourceId}** on `{c.Traffic}` — {Escape(c.Reason)}<br>path if open: `{c.Path}`");
        Section(text, "No longer reachable (fixed by this change)", changes.Where(c => c.Kind == ChangeKind.Closed), c =>
            $"**{c.ResourceId}** on `{c.Traffic}` — closed by `{c.Cause?.Name}` ({c.Cause?.Type}): {Escape(c.Reason)}<br>was: `{c.LivePath}`<br>now: `{c.Path}`");
        if (notModelled.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Not analysed (resource types the overlay does not model): {string.Join(", ", notModelled.Select(r => $"`{r.Name}` ({r.Type})"))}");
            text.AppendLine();
        }

        text.AppendLine(evaluation.Gate(failOnUnknown) switch
        {
            GateVerdict.Incomplete => "**Gate: incomplete** — the preview failed or is incomplete.",
            GateVerdict.Blocked => $"**Gate: fail** — the change opens a new internet path or makes a reachable resource exploitable (planned-exposure is {DraconIssues.Level(level)}).",
            _ => "**Gate: pass** — no new internet path blocks this change.",
        });
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<PathChange> changes, Func<PathChange, string> line)
    {
        var list = changes.ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title} ({list.Count})");
        text.AppendLine();
        foreach (var change in list)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line(change)}");
        }

        if (list.Count == 0)
        {
            text.AppendLine("None.");
        }

        text.AppendLine();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
