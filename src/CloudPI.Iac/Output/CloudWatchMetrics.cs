using System.Globalization;
using System.Text.Json;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;

namespace CloudPI.Iac.Output;

/// <summary>
/// CloudWatch <c>put-metric-data --metric-data file://FILE</c> input in the sample's layout: one datum per violated
/// policy and resource (MetricName = control id or CrossGuard policy name, Value 1, Unit Count), dimensions Status
/// (<c>Failed</c> for mandatory, <c>Advisory</c> for advisory), Author and Email. Values are made ASCII and kept
/// within CloudWatch's limits, and the data is split into requests of at most 1000 datums and 1 MB.
/// </summary>
public static class CloudWatchMetrics
{
    public const string DefaultNamespace = "Pulumi Policy Metrics";
    public const int MaxDatumsPerRequest = 1000;
    public const int MaxRequestBytes = 1_000_000;
    public const int MaxNameLength = 255;
    public const int MaxDimensionValueLength = 1024;

    public sealed record Datum(string MetricName, string Status, CommitAuthor Author);

    public static IReadOnlyList<Datum> Data(IacEvaluation evaluation, CommitAuthor author)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var checks = evaluation.Findings
            .Where(f => f.Result.Verdict == Verdict.Fail && f.Level != EnforcementLevel.Disabled)
            .Select(f => new Datum(f.Result.Control.Id, f.Level == EnforcementLevel.Mandatory ? "Failed" : "Advisory", author));
        var policies = evaluation.Stack.PolicyViolations.Select(v => new Datum(v.PolicyName, v.IsMandatory ? "Failed" : "Advisory", author));
        return checks.Concat(policies).ToList();
    }

    /// <summary>The request bodies: each a JSON array within the per-request limits. No data gives one empty array.</summary>
    public static IReadOnlyList<byte[]> Chunks(IReadOnlyList<Datum> data, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(data);
        var encoded = data.Select(d => Encode(d, timestamp)).ToList();
        var chunks = new List<byte[]>();
        var current = new List<byte[]>();
        var size = 2; // the brackets
        foreach (var datum in encoded)
        {
            if (current.Count == MaxDatumsPerRequest || size + datum.Length + 1 > MaxRequestBytes)
            {
                chunks.Add(Join(current));
                current.Clear();
                size = 2;
            }

            current.Add(datum);
            size += datum.Length + 1;
        }

        if (current.Count > 0 || chunks.Count == 0)
        {
            chunks.Add(Join(current));
        }

        return chunks;
    }

    /// <summary>FILE for the first request, FILE.2.json, FILE.3.json, ... for the next.</summary>
    public static string ChunkPath(string path, int index) => index == 0 ? path : string.Create(CultureInfo.InvariantCulture, $"{path}.{index + 1}.json");

    /// <summary>Namespace rules: 1–255 ASCII characters, not starting with ':' nor in the reserved AWS/ space.</summary>
    public static string? NamespaceProblem(string metricsNamespace)
    {
        ArgumentNullException.ThrowIfNull(metricsNamespace);
        return metricsNamespace.Length is 0 or > MaxNameLength ? "must be 1 to 255 characters"
            : metricsNamespace.StartsWith(':') ? "must not start with ':'"
            : metricsNamespace.StartsWith("AWS/", StringComparison.Ordinal) ? "must not use the reserved AWS/ prefix"
            : metricsNamespace.Any(c => c is < ' ' or > '~') ? "must be printable ASCII"
            : null;
    }

    /// <summary>
    /// Printable ASCII only (other characters become '?', control characters are dropped), trimmed, cut to the limit,
    /// and never empty.
    /// </summary>
    public static string Clean(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        var ascii = new string(value.Where(c => !char.IsControl(c) && !char.IsLowSurrogate(c)).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray()).Trim();
        ascii = ascii.Length > maxLength ? ascii[..maxLength].Trim() : ascii;
        return ascii.Length == 0 ? CommitAuthor.Fallback : ascii;
    }

    private static byte[] Encode(Datum datum, DateTimeOffset timestamp)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("MetricName", Clean(datum.MetricName, MaxNameLength));
            json.WriteStartArray("Dimensions");
            foreach (var (name, value) in (ReadOnlySpan<(string, string)>)[("Status", datum.Status), ("Author", datum.Author.Name), ("Email", datum.Author.Email)])
            {
                json.WriteStartObject();
                json.WriteString("Name", name);
                json.WriteString("Value", Clean(value, MaxDimensionValueLength));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("Timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteNumber("Value", 1);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Join(List<byte[]> data)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        for (var i = 0; i < data.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(data[i]);
        }

        buffer.WriteByte((byte)']');
        return buffer.ToArray();
    }
}
