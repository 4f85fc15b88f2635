using System.Globalization;
using System.Text.Json;
using CloudPI.Aws;

namespace CloudPI.AwsConfig;

/// <summary>What -in files hold: the evaluations, and one line per listing they hold only part of.</summary>
public sealed record ComplianceFileContent(IReadOnlyList<ConfigEvaluation> Evaluations, IReadOnlyList<string> TruncatedListings);

/// <summary>
/// Reads what <c>aws configservice get-compliance-details-by-config-rule</c> prints (<c>{"EvaluationResults":[...]}</c>)
/// and what <c>get-aggregate-compliance-details-by-config-rule</c> prints (<c>AggregateEvaluationResults</c>, each
/// result carrying <c>AccountId</c> and <c>AwsRegion</c>). A file may hold one such object, several concatenated
/// (the output of repeated CLI runs appended to one file), or a JSON array of them. Timestamps are the CLI's ISO-8601
/// strings; the API's epoch-second numbers are accepted too. Any defect stops the read with one line naming the file
/// and the field (<c>results.json: EvaluationResults[3].EvaluationResultIdentifier: missing</c>) or the line.
/// A page that still carries a <c>NextToken</c> (the CLI ran with <c>--max-items</c> or <c>--no-paginate</c>) is
/// complete only when the next page in the file goes on with the same listing; otherwise it is reported as truncated.
/// </summary>
public static class ComplianceFile
{
    private const string ResultsMember = "EvaluationResults";
    private const string AggregateResultsMember = "AggregateEvaluationResults";
    private const string NextTokenMember = "NextToken";

    /// <summary>Reads every file, in order. <paramref name="accountId"/> and <paramref name="region"/> locate the
    /// results of the single-account form; aggregate results carry their own.</summary>
    public static ComplianceFileContent ReadAll(IEnumerable<string> paths, string? accountId, string? region)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var contents = paths.Select(path => Read(path, accountId, region)).ToList();
        return new ComplianceFileContent(
            contents.SelectMany(content => content.Evaluations).ToList(),
            contents.SelectMany(content => content.TruncatedListings).ToList());
    }

    public static ComplianceFileContent Read(string path, string? accountId, string? region)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBytes(path);
        var evaluations = new List<ConfigEvaluation>();
        var pages = new List<Page>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        for (var index = 0; NextValue(path, ref reader); index++)
        {
            // Values after the first (appended CLI runs) are located by line, the first one needs no locator.
            var locator = index == 0 ? string.Empty : $"line {LineOf(bytes, reader.TokenStartIndex)}: ";
            using var document = ParseValue(path, ref reader);
            var context = new Context(path, locator, accountId, region, evaluations, pages);
            ReadTopLevel(document.RootElement, context);
        }

        return new ComplianceFileContent(evaluations, TruncatedListings(path, pages));
    }

    /// <summary>A page's token says Config holds more results; only a page after it in the same file can hold them.</summary>
    private static List<string> TruncatedListings(string path, List<Page> pages) =>
        pages.Where((page, index) => page.HasNextToken && !(index + 1 < pages.Count && pages[index + 1].Continues(page)))
            .Select(page => $"{path}: {page.Field}: the listing{(page.LastListing is null ? string.Empty : " of " + page.LastListing)} goes on past this page, "
                + "and no page after it in the file holds the rest (the CLI ran with --max-items or --no-paginate): rerun it without them, or append the next pages")
            .ToList();

    private static byte[] ReadBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new ComplianceInputException($"{path}: file not found");
        }

        var bytes = File.ReadAllBytes(path);
        var content = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        return content.AsSpan().Trim(" \t\r\n"u8).IsEmpty
            ? throw new ComplianceInputException($"{path}: empty file: expected the JSON that 'aws configservice get-compliance-details-by-config-rule' prints")
            : content;
    }

    private static bool NextValue(string path, ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException error)
        {
            throw InvalidJson(path, error);
        }
    }

    private static JsonDocument ParseValue(string path, ref Utf8JsonReader reader)
    {
        try
        {
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException error)
        {
            throw InvalidJson(path, error);
        }
    }

    private static ComplianceInputException InvalidJson(string path, JsonException error)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 0." to its messages: keep the reason only.
        var reason = error.Message.Split([" Path:", " LineNumber:"], 2, StringSplitOptions.None)[0].TrimEnd('.', ' ');
        var line = (error.LineNumber ?? 0) + 1;
        return new ComplianceInputException($"{path}: line {line}: not valid JSON ({reason})", error);
    }

    private static long LineOf(byte[] bytes, long offset) => bytes.AsSpan(0, (int)offset).Count((byte)'\n') + 1;

    private static void ReadTopLevel(JsonElement root, Context context)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                ReadResponse(root, string.Empty, context);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var response in root.EnumerateArray())
                {
                    var field = $"[{index++}]";
                    ReadResponse(Expect(response, JsonValueKind.Object, field, context), field + ".", context);
                }

                break;
            default:
                throw context.Error(string.Empty, $"expected an object with {ResultsMember} (or {AggregateResultsMember}), or an array of them, found {Kind(root)}");
        }
    }

    private static void ReadResponse(JsonElement response, string prefix, Context context)
    {
        var aggregate = response.TryGetProperty(AggregateResultsMember, out var aggregateResults);
        if (!aggregate && !response.TryGetProperty(ResultsMember, out _))
        {
            throw context.Error(prefix + ResultsMember, $"missing (expected {ResultsMember} or {AggregateResultsMember})");
        }

        var member = aggregate ? AggregateResultsMember : ResultsMember;
        var results = Expect(aggregate ? aggregateResults : response.GetProperty(ResultsMember), JsonValueKind.Array, prefix + member, context);
        var first = context.Evaluations.Count;
        var index = 0;
        foreach (var result in results.EnumerateArray())
        {
            var field = $"{prefix}{member}[{index++}]";
            context.Evaluations.Add(ReadResult(Expect(result, JsonValueKind.Object, field, context), field, aggregate, context));
        }

        var read = context.Evaluations.Skip(first).ToList();
        var hasNextToken = response.TryGetProperty(NextTokenMember, out var token) && token.ValueKind == JsonValueKind.String && token.GetString()!.Length > 0;
        context.Pages.Add(new Page(
            $"{context.Locator}{prefix}{NextTokenMember}", hasNextToken, read.Count == 0 ? null : Listing(read[0]), read.Count == 0 ? null : Listing(read[^1])));
    }

    /// <summary>What one CLI listing covers: a rule, and for the aggregate form an account and region.</summary>
    private static string Listing(ConfigEvaluation evaluation) =>
        evaluation.AccountId is null && evaluation.Region is null
            ? evaluation.ConfigRuleName
            : $"{evaluation.ConfigRuleName} in {evaluation.AccountId ?? "an unknown account"}/{evaluation.Region ?? "an unknown region"}";

    private static ConfigEvaluation ReadResult(JsonElement result, string field, bool aggregate, Context context)
    {
        var identifierField = field + ".EvaluationResultIdentifier";
        var identifier = Required(result, "EvaluationResultIdentifier", JsonValueKind.Object, field, context);
        var qualifierField = identifierField + ".EvaluationResultQualifier";
        var qualifier = Required(identifier, "EvaluationResultQualifier", JsonValueKind.Object, identifierField, context);
        return new ConfigEvaluation
        {
            ConfigRuleName = RequiredString(qualifier, "ConfigRuleName", qualifierField, context),
            ResourceType = RequiredString(qualifier, "ResourceType", qualifierField, context),
            ResourceId = RequiredString(qualifier, "ResourceId", qualifierField, context),
            EvaluationMode = OptionalString(qualifier, "EvaluationMode", qualifierField, context),
            ComplianceType = RequiredString(result, "ComplianceType", field, context),
            Annotation = OptionalString(result, "Annotation", field, context),
            ConfigRuleInvokedTime = OptionalTime(result, "ConfigRuleInvokedTime", field, context),
            ResultRecordedTime = OptionalTime(result, "ResultRecordedTime", field, context),
            AccountId = aggregate ? OptionalString(result, "AccountId", field, context) ?? context.AccountId : context.AccountId,
            Region = aggregate ? OptionalString(result, "AwsRegion", field, context) ?? context.Region : context.Region,
        };
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind, string field, Context context) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Expect(value, kind, $"{field}.{name}", context)
            : throw context.Error($"{field}.{name}", "missing");

    private static string RequiredString(JsonElement parent, string name, string field, Context context)
    {
        var value = Required(parent, name, JsonValueKind.String, field, context).GetString()!;
        return value.Length > 0 ? value : throw context.Error($"{field}.{name}", "empty");
    }

    private static string? OptionalString(JsonElement parent, string name, string field, Context context) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Expect(value, JsonValueKind.String, $"{field}.{name}", context).GetString()
            : null;

    private static DateTimeOffset? OptionalTime(JsonElement parent, string name, string field, Context context)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(value.GetDouble() * TimeSpan.TicksPerSecond));
        }

        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw context.Error($"{field}.{name}", $"expected an ISO-8601 timestamp, found {Describe(value)}");
    }

    private static JsonElement Expect(JsonElement value, JsonValueKind kind, string field, Context context) =>
        value.ValueKind == kind ? value : throw context.Error(field, $"expected {Article(kind)}, found {Describe(value)}");

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "a string",
    };

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || text.Length > 40 ? Kind(value) : text;
    }

    /// <summary>One response object of a file: where its token is, and the listings of its first and last results (null when empty).</summary>
    private sealed record Page(string Field, bool HasNextToken, string? FirstListing, string? LastListing)
    {
        /// <summary>Whether this page can be the next page of <paramref name="previous"/>: an empty page on either side says nothing against it.</summary>
        public bool Continues(Page previous) => FirstListing is null || previous.LastListing is null || FirstListing == previous.LastListing;
    }

    private sealed record Context(string Path, string Locator, string? AccountId, string? Region, List<ConfigEvaluation> Evaluations, List<Page> Pages)
    {
        public ComplianceInputException Error(string field, string problem) =>
            new(field.Length == 0 ? $"{Path}: {Locator}{problem}" : $"{Path}: {Locator}{field}: {problem}");
    }
}
