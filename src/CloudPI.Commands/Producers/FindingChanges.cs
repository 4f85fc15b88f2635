using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudPI.Dracon.Io;
using CloudPI.GraphChecks;

namespace CloudPI.Commands.Producers;

/// <summary>
/// Remembers, between runs, a fingerprint of each finding's resource (its labels and properties, without
/// Cartography's per-run <c>lastupdated</c>/<c>firstseen</c>) and of what was found. Cartography keeps no history of
/// property changes, so this state file is how "only new or changed since the last run" is answered.
/// </summary>
internal sealed class FindingChanges
{
    private readonly string _path;
    private readonly Dictionary<string, string> _previous;

    private FindingChanges(string path, Dictionary<string, string> previous)
    {
        _path = path;
        _previous = previous;
    }

    public static FindingChanges Load(string path)
    {
        if (!File.Exists(path))
        {
            return new FindingChanges(path, []);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var fingerprints = document.RootElement.GetProperty("fingerprints");
            return new FindingChanges(path, fingerprints.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new IOException($"{path}: not a CloudPI --since state file ({ex.Message})", ex);
        }
    }

    public bool IsNewOrChanged(GraphFinding finding) =>
        !_previous.TryGetValue(Key(finding), out var fingerprint) || fingerprint != Fingerprint(finding);

    public void Save(IEnumerable<GraphFinding> findings) => AtomicFile.Write(_path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteStartObject("fingerprints");
        foreach (var finding in findings.OrderBy(Key, StringComparer.Ordinal))
        {
            json.WriteString(Key(finding), Fingerprint(finding));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static string Key(GraphFinding finding) => $"{finding.Control.Id}|{finding.Resource.Id ?? finding.Resource.ExternalId}";

    private static string Canonical(object? value) => value switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text, FingerprintJson.Default.String),
        bool flag => flag ? "true" : "false",
        long number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + Canonical(e.Value))) + "}",
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Fingerprint(GraphFinding finding)
    {
        var text = new StringBuilder();
        text.AppendJoin(':', finding.Resource.Labels).Append('\n');
        foreach (var (key, value) in finding.Resource.Properties.Entries.Where(e => e.Key is not ("lastupdated" or "firstseen")).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(Canonical(value)).Append('\n');
        }

        text.Append(finding.Detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class FingerprintJson : System.Text.Json.Serialization.JsonSerializerContext;
