using CloudPI.Dracon.Io;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Dracon;

/// <summary>Renders a Dracon file for people (a table) or tools (protobuf JSON, as Go's protojson writes it).</summary>
internal static class DraconDump
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static void WriteJson(DraconMessage message, TextWriter output) => output.WriteLine(Json.Format(message.Message));

    public static void WriteText(string path, DraconMessage message, TextWriter output)
    {
        var (scanInfo, issues) = message.Message switch
        {
            LaunchToolResponse ltr => (ltr.ScanInfo, ltr.Issues.Select(i => (Issue: i, Annotations: (IEnumerable<KeyValuePair<string, string>>)[])).ToList()),
            EnrichedLaunchToolResponse eltr => (eltr.OriginalResults.ScanInfo, eltr.Issues.Select(i => (Issue: i.RawIssue ?? new Issue(), Annotations: (IEnumerable<KeyValuePair<string, string>>)i.Annotations)).ToList()),
            _ => throw new InvalidOperationException("unknown Dracon message"),
        };

        output.WriteLine($"{path}: {message.Kind}, tool {Quote(message.ToolName)}, {issues.Count} issues");
        output.WriteLine($"scan {Quote(scanInfo?.ScanUuid)} started {scanInfo?.ScanStartTime?.ToDateTimeOffset():u}"
            + (scanInfo?.ScanTags.Count > 0 ? " tags " + string.Join(", ", scanInfo.ScanTags.Select(t => $"{t.Key}={t.Value}")) : string.Empty));
        if (issues.Count == 0)
        {
            return;
        }

        var rows = issues.Select(i => new[] { SeverityName(i.Issue.Severity), i.Issue.Type, i.Issue.Target, i.Issue.Title }).ToList();
        var header = new[] { "SEVERITY", "TYPE", "TARGET", "TITLE" };
        int[] maxWidths = [11, 40, 100]; // ARNs and URNs are long; keep them whole where a terminal allows.
        var widths = Enumerable.Range(0, header.Length - 1)
            .Select(c => Math.Min(maxWidths[c], rows.Append(header).Max(r => r[c].Length)))
            .ToArray();
        WriteRow(output, header, widths);
        for (var i = 0; i < rows.Count; i++)
        {
            WriteRow(output, rows[i], widths);
            var issue = issues[i].Issue;
            if (issue.Uuid.Length > 0)
            {
                output.WriteLine($"    uuid: {issue.Uuid}");
            }

            foreach (var (key, value) in issues[i].Annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"    {key}: {value.ReplaceLineEndings(" ")}");
            }
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var padded = cells.Take(widths.Length).Select((cell, c) => Fit(cell, widths[c]).PadRight(widths[c]));
        output.WriteLine(string.Join("  ", padded.Append(cells[^1].ReplaceLineEndings(" "))).TrimEnd());
    }

    private static string Fit(string text, int width)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= width ? oneLine : string.Concat(oneLine.AsSpan(0, width - 1), "…");
    }

    private static string SeverityName(Severity severity) =>
        severity.ToString().ToUpperInvariant();

    private static string Quote(string? text) => string.IsNullOrEmpty(text) ? "(none)" : text;
}
