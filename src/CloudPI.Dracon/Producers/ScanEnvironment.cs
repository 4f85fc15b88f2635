using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Producers;

/// <summary>
/// The scan identity Dracon injects into producer steps (DRACON_SCAN_ID, DRACON_SCAN_TIME, DRACON_SCAN_TAGS),
/// read with the same fallbacks as the Go producer library: values are trimmed (the base task leaves a newline),
/// a missing or unparsable time becomes "now", unparsable tags become an empty map.
/// </summary>
public static class ScanEnvironment
{
    public const string ScanIdVariable = "DRACON_SCAN_ID";
    public const string ScanTimeVariable = "DRACON_SCAN_TIME";
    public const string ScanTagsVariable = "DRACON_SCAN_TAGS";

    public static ScanInfo FromEnvironment(TimeProvider? clock = null) =>
        Create(
            Environment.GetEnvironmentVariable(ScanIdVariable),
            Environment.GetEnvironmentVariable(ScanTimeVariable),
            Environment.GetEnvironmentVariable(ScanTagsVariable),
            clock ?? TimeProvider.System);

    public static ScanInfo Create(string? scanId, string? scanTime, string? scanTags, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var info = new ScanInfo
        {
            ScanUuid = scanId?.Trim() ?? string.Empty,
            ScanStartTime = Timestamp.FromDateTimeOffset(ParseTime(scanTime) ?? clock.GetUtcNow()),
        };
        foreach (var (key, value) in ParseTags(scanTags))
        {
            info.ScanTags[key] = value;
        }

        return info;
    }

    private static DateTimeOffset? ParseTime(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && trimmed.Contains('T', StringComparison.Ordinal)
            ? parsed.ToUniversalTime()
            : null;
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseTags(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var tags = new List<KeyValuePair<string, string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return []; // Go unmarshals into map[string]string: any non-string value fails the whole map.
                }

                tags.Add(new(property.Name, property.Value.GetString()!));
            }

            return tags;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
