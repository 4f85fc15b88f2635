using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CloudPI.TestSupport;

namespace CloudPI.Aws.Testing;

/// <summary>
/// One service model of botocore (the model the aws CLI and boto3 build requests from), read from the botocore that
/// python3 imports, and a check of JSON against one of its shapes: member names, required members, types, string
/// lengths, list sizes, enums and numeric ranges. Stricter than botocore's own client-side validation, which skips
/// maximums and enums and leaves them to the service.
/// </summary>
public sealed class BotocoreModel
{
    private readonly JsonElement _shapes;

    private BotocoreModel(JsonElement shapes) => _shapes = shapes;

    /// <summary>botocore's <c>data</c> folder, or null when python3 cannot import botocore.</summary>
    public static string? DataDirectory { get; } = Locate();

    public static string? MissingReason => DataDirectory is null ? "python3 cannot import botocore (pip install botocore, or the aws CLI)" : null;

    /// <summary>The newest API version of <paramref name="service"/> (<c>service-2.json</c>, gzipped in recent botocore).</summary>
    public static BotocoreModel Load(string service)
    {
        var directory = Directory.GetDirectories(Path.Combine(DataDirectory ?? throw new InvalidOperationException(MissingReason), service)).Max(StringComparer.Ordinal)!;
        var plain = Path.Combine(directory, "service-2.json");
        using var stream = File.Exists(plain) ? File.OpenRead(plain) : (Stream)new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(stream);
        return new BotocoreModel(document.RootElement.GetProperty("shapes").Clone());
    }

    /// <summary>What botocore or the service would refuse in <paramref name="value"/> as shape <paramref name="shapeName"/>, one line each.</summary>
    public IReadOnlyList<string> Problems(string shapeName, JsonElement value)
    {
        var problems = new List<string>();
        Check(shapeName, value, "$", problems);
        return problems;
    }

    private void Check(string shapeName, JsonElement value, string path, List<string> problems)
    {
        var shape = _shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure" when value.ValueKind == JsonValueKind.Object:
                var members = shape.GetProperty("members");
                var required = shape.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToList() : [];
                problems.AddRange(required.Where(name => !value.TryGetProperty(name, out _)).Select(name => $"{path}: missing required member {name}"));

                foreach (var property in value.EnumerateObject())
                {
                    if (members.TryGetProperty(property.Name, out var member))
                    {
                        Check(member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}: unknown member {property.Name}");
                    }
                }

                break;
            case "list" when value.ValueKind == JsonValueKind.Array:
                CheckRange(shape, value.GetArrayLength(), $"{path}: {value.GetArrayLength()} items", problems);
                var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(memberShape, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), problems);
                }

                break;
            case "string" when value.ValueKind == JsonValueKind.String:
                var text = value.GetString()!;
                CheckRange(shape, text.Length, $"{path}: {text.Length} characters", problems);
                if (shape.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == text))
                {
                    problems.Add($"{path}: '{text}' is not one of {string.Join(", ", allowed.EnumerateArray())}");
                }

                break;
            case "double" or "float" when value.ValueKind == JsonValueKind.Number:
                break;
            case "integer" or "long" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                CheckRange(shape, number, $"{path}: {number}", problems);
                break;
            case "boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                break;
            case "timestamp" when value.ValueKind == JsonValueKind.Number
                || (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)):
                break;
            default:
                problems.Add($"{path}: {value.ValueKind} is not a valid {shape.GetProperty("type").GetString()} ({shapeName})");
                break;
        }
    }

    /// <summary>A size (list items, string characters) or number against the shape's <c>min</c> and <c>max</c>.</summary>
    private static void CheckRange(JsonElement shape, long size, string described, List<string> problems)
    {
        if (shape.TryGetProperty("min", out var min) && size < min.GetInt64())
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{described}: below the minimum {min.GetInt64()}"));
        }

        if (shape.TryGetProperty("max", out var max) && size > max.GetInt64())
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{described}: above the maximum {max.GetInt64()}"));
        }
    }

    private static string? Locate()
    {
        if (!ExternalProcess.IsOnPath("python3"))
        {
            return null;
        }

        var (exitCode, output, _) = ExternalProcess.RunAsync("python3", ["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"])
            .GetAwaiter().GetResult();
        var directory = output.Trim();
        return exitCode == 0 && Directory.Exists(directory) ? directory : null;
    }
}

/// <summary>A test that checks JSON against a botocore model: skipped without botocore, except in CI (CI=true).</summary>
public sealed class BotocoreFactAttribute() : ToolFactAttribute(BotocoreModel.MissingReason);
