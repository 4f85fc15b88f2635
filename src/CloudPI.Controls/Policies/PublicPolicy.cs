using System.Text.Json;

namespace CloudPI.Controls.Policies;

/// <summary>A statement that grants access to anyone: its index and Sid, and the source ranges a condition limits it to.</summary>
public sealed record PublicStatement(int Index, string? Sid, IReadOnlyList<string>? SourceIpRanges)
{
    /// <summary>True when anyone on the internet qualifies; false when an <c>aws:SourceIp</c> condition names ranges.</summary>
    public bool IsOpenToEveryone => SourceIpRanges is null;

    /// <summary>The limit for sentences: empty, or " beyond aws:SourceIp 203.0.113.0/24".</summary>
    public string SourceIpLimit => SourceIpRanges is null ? "" : $" beyond aws:SourceIp {string.Join(", ", SourceIpRanges)}";
}

/// <summary>
/// When a resource policy statement lets anyone in: an Allow to a public principal (<c>*</c>, <c>{"AWS": "*"}</c>,
/// <c>arn:aws:iam::*:root</c>, <c>{"CanonicalUser": "*"}</c>) with no condition that ties the caller to an account,
/// organisation, network endpoint or caller identity (Prowler's restrictive keys). An <c>aws:SourceIp</c> condition
/// keeps the grant public but limits it to its ranges. Service principals are never public: a permission for
/// <c>s3.amazonaws.com</c> limited by <c>aws:SourceArn</c> is how AWS services are let in.
/// </summary>
public static class PublicPolicy
{
    /// <summary>Keys that tie a public principal to an account, organisation, network or caller.</summary>
    public static IReadOnlySet<string> RestrictiveKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceAccount", "aws:SourceOwner", "aws:SourceArn", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths", "aws:ResourceAccount", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceOrgID", "aws:SourceOrgPaths",
        "aws:userid", "aws:username", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast",
    };

    /// <summary>The restrictive keys that ArnEquals/ArnLike compare.</summary>
    public static IReadOnlySet<string> ArnKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "aws:SourceArn", "aws:PrincipalArn" };

    /// <summary>The public statements of a whole policy document (<c>Statement</c> as an object or an array).</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static IReadOnlyList<PublicStatement> PublicStatements(string policyJson)
    {
        ArgumentNullException.ThrowIfNull(policyJson);
        using var document = JsonDocument.Parse(policyJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements))
        {
            return [];
        }

        var list = (statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements])
            .Where(s => s.ValueKind == JsonValueKind.Object).ToList();
        var denied = list.Where(s => DeniesEveryone(Text(s, "Effect"), Property(s, "Principal"), Property(s, "Condition")))
            .SelectMany(s => Items(Property(s, "Action"))).ToList();
        return
        [
            .. list.Select((statement, index) => (Statement: statement, Index: index + 1))
                .Where(s => !CoveredByDeny(denied, [.. Items(Property(s.Statement, "Action"))]))
                .Select(s => Evaluate(
                    s.Index,
                    Text(s.Statement, "Sid"),
                    Text(s.Statement, "Effect"),
                    Property(s.Statement, "Principal"),
                    Property(s.Statement, "Condition")))
                .OfType<PublicStatement>(),
        ];
    }

    /// <summary>A Deny to a public principal with no condition: it overrides any Allow of the actions it names.</summary>
    public static bool DeniesEveryone(string? effect, JsonElement principal, JsonElement condition) =>
        string.Equals(effect, "Deny", StringComparison.OrdinalIgnoreCase) && IsPublicPrincipal(principal)
        && (condition.ValueKind != JsonValueKind.Object || !condition.EnumerateObject().Any());

    /// <summary>True when every one of <paramref name="allowedActions"/> matches a pattern an unconditional public Deny names.</summary>
    public static bool CoveredByDeny(IReadOnlyCollection<string> deniedActions, IReadOnlyCollection<string> allowedActions) =>
        deniedActions.Count > 0 && allowedActions.Count > 0
        && allowedActions.All(allowed => ActionPattern.MatchesAny(deniedActions, allowed));

    /// <summary>One statement whose parts are stored apart (as Cartography keeps S3 statements): public or null.</summary>
    public static PublicStatement? Evaluate(int index, string? sid, string? effect, JsonElement principal, JsonElement condition)
    {
        if (!string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase) || !IsPublicPrincipal(principal))
        {
            return null;
        }

        var sourceIps = new List<string>();
        return HasRestrictiveCondition(condition, sourceIps) ? null : new PublicStatement(index, sid, sourceIps.Count > 0 ? sourceIps : null);
    }

    /// <summary><c>"*"</c>, <c>{"AWS": "*"}</c> (or a list holding it), <c>arn:aws:iam::*:root</c>, <c>{"CanonicalUser": "*"}</c>.</summary>
    public static bool IsPublicPrincipal(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => IsEveryone(principal.GetString()!),
        JsonValueKind.Object => principal.EnumerateObject()
            .Where(p => p.NameEquals("AWS") || p.NameEquals("CanonicalUser"))
            .SelectMany(p => Items(p.Value))
            .Any(IsEveryone),
        _ => false,
    };

    /// <summary>
    /// True when a condition ties the caller to an account, organisation, endpoint or identity; <c>aws:SourceIp</c>
    /// ranges (other than everything) are collected into <paramref name="sourceIps"/> instead.
    /// </summary>
    public static bool HasRestrictiveCondition(JsonElement condition, List<string> sourceIps)
    {
        ArgumentNullException.ThrowIfNull(sourceIps);
        if (condition.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var block in condition.EnumerateObject().Where(b => b.Value.ValueKind == JsonValueKind.Object))
        {
            var operation = block.Name.Replace("ForAnyValue:", string.Empty, StringComparison.Ordinal).Replace("ForAllValues:", string.Empty, StringComparison.Ordinal);
            foreach (var entry in block.Value.EnumerateObject())
            {
                var values = Items(entry.Value).ToList();
                var meaningful = values.Count > 0 && values.All(v => v.Length > 0 && v != "*");
                if (!meaningful)
                {
                    continue;
                }

                if (operation is "StringEquals" or "StringEqualsIgnoreCase" or "StringLike" && RestrictiveKeys.Contains(entry.Name)
                    || operation is "ArnEquals" or "ArnLike" && ArnKeys.Contains(entry.Name))
                {
                    return true;
                }

                if (operation == "IpAddress" && entry.Name.Equals("aws:SourceIp", StringComparison.OrdinalIgnoreCase) && values.All(v => v is not ("0.0.0.0/0" or "::/0")))
                {
                    sourceIps.AddRange(values);
                }
            }
        }

        return false;
    }

    /// <summary>A principal string that names everyone: <c>*</c> or <c>arn:aws:iam::*:root</c>.</summary>
    public static bool IsEveryone(string principal) => principal is "*" || principal.Equals("arn:aws:iam::*:root", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Items(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    private static JsonElement Property(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
