using System.Globalization;
using System.Text.Json;

namespace CloudPI.Iac.Reading;

/// <summary>
/// Whether a preview shows everything the deployment would do, judged from what a reader met in it: the steps listed
/// per operation, the error diagnostics and Pulumi's closing summary. The gate cannot vouch for resources a preview
/// leaves out, so each gap is a reason the preview is incomplete: no summary (the preview was cut short or never
/// finished), an error that is not a policy violation (a resource, the program or the engine failed, and what failed
/// is missing), or a summary counting more steps of an operation than are listed. Unchanged resources left out
/// without <c>--show-sames</c> are no gap: the stack-level checks they could decide are unknown instead.
/// </summary>
internal sealed class PreviewCompleteness
{
    /// <summary>The engine's closing verdict after any failure, mandatory policy violations included: no cause of its own.</summary>
    private const string ClosingVerdict = "preview failed";

    private readonly string _summaryName;
    private readonly string _missingSummary;
    private readonly Dictionary<string, long> _listed = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private Dictionary<string, long>? _counted;
    private bool _closedAsFailed;

    private PreviewCompleteness(string summaryName, string missingSummary)
    {
        _summaryName = summaryName;
        _missingSummary = missingSummary;
    }

    public static PreviewCompleteness ForDigest() =>
        new("changeSummary", "no changeSummary: Pulumi counted no completed step, or the preview did not finish");

    public static PreviewCompleteness ForEngineEvents() =>
        new("summaryEvent.resourceChanges", "the stream ends before Pulumi's summaryEvent: it was cut short");

    /// <summary>False when the summary counts unchanged resources the input does not list (no --show-sames), or is missing.</summary>
    public bool ListsEveryResource => _counted is { } counted && counted.GetValueOrDefault("same") <= _listed.GetValueOrDefault("same");

    public void Step(string operation) => _listed[operation] = _listed.GetValueOrDefault(operation) + 1;

    /// <summary>Records a diagnostic; only errors matter (program output is <c>info</c>, its stderr <c>info#err</c>).</summary>
    public void Diagnostic(string? urn, string text, string? severity)
    {
        if (severity != "error")
        {
            return;
        }

        var message = ColorMarkup.Strip(text).ReplaceLineEndings(" ").Trim();
        message = message.StartsWith("error: ", StringComparison.Ordinal) ? message["error: ".Length..].TrimStart() : message;
        if (string.IsNullOrEmpty(urn) && message == ClosingVerdict)
        {
            _closedAsFailed = true;
        }
        else
        {
            _errors.Add(string.IsNullOrEmpty(urn) ? message : $"{urn}: {message}");
        }
    }

    /// <summary>Pulumi's closing counts per operation; missing or null counts are an empty summary (nothing was counted).</summary>
    public void Summary(JsonElement counts, JsonPath path)
    {
        _counted = new Dictionary<string, long>(StringComparer.Ordinal);
        if (counts.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return;
        }

        if (counts.ValueKind != JsonValueKind.Object)
        {
            throw path.Error("expected an object of counts per operation");
        }

        foreach (var count in counts.EnumerateObject())
        {
            _counted[count.Name] = count.Value.TryGetInt64(out var value) ? value : throw path.Property(count.Name).Error("expected a count");
        }
    }

    /// <summary>Why the preview is incomplete; empty when it is not. A mandatory policy violation explains the closing verdict.</summary>
    public IReadOnlyList<string> Reasons(bool mandatoryPolicyViolated)
    {
        var reasons = new List<string>();
        if (_counted is null)
        {
            reasons.Add(_missingSummary);
        }

        reasons.AddRange(_errors.Select(error => $"Pulumi reported an error: {error}"));
        if (_closedAsFailed && _errors.Count == 0 && !mandatoryPolicyViolated)
        {
            reasons.Add($"Pulumi reports \"{ClosingVerdict}\" and this input names no cause (no error, no mandatory policy violation)");
        }

        foreach (var (operation, count) in _counted ?? [])
        {
            var listed = _listed.GetValueOrDefault(operation);
            if (operation != "same" && count > listed)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{_summaryName} counts {count} {operation} steps, the preview lists {listed}"));
            }
        }

        return reasons;
    }
}
