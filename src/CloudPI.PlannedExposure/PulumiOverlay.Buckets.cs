using System.Text.Json;
using CloudPI.Graph.Synthetic;
using CloudPI.Iac.Model;
using static CloudPI.PlannedExposure.PulumiTypes;

namespace CloudPI.PlannedExposure;

/// <summary>
/// S3 buckets in Cartography's shapes: the bucket (keyed by name), its policy as one statement node per statement
/// (<c>POLICY_STATEMENT</c>), and its Block Public Access settings as bucket properties. Whether a statement is public
/// and whether a block neutralises it is not decided here: the reachability and exploitability analyses judge the
/// planned graph with the same rules they apply to the live one.
/// </summary>
public sealed partial class PulumiOverlay
{
    private static readonly string[] BlockSettings = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"];

    /// <summary>Cartography's property for each Block Public Access setting.</summary>
    private static string BlockProperty(string setting) => setting switch
    {
        "blockPublicAcls" => "block_public_acls",
        "ignorePublicAcls" => "ignore_public_acls",
        "blockPublicPolicy" => "block_public_policy",
        _ => "restrict_public_buckets",
    };

    private static string BucketName(IacResource r) => !r.IsCreated && r.Id is { Length: > 0 } id ? id : r.Property("bucket").String ?? $"{r.Name}-planned";

    /// <summary>
    /// A new bucket starts as AWS creates buckets today: all four Block Public Access settings on and ACLs disabled;
    /// an inline <c>policy</c> (the legacy Bucket's) is its policy.
    /// </summary>
    private void AddBucket(IacResource r)
    {
        var name = BucketName(r);
        var bucket = Node(r, name, SyntheticLabels.S3Bucket, ("name", name));
        if (r.IsCreated)
        {
            _graph.Upsert(name, SyntheticLabels.S3Bucket, [.. BlockSettings.Select(s => new KeyValuePair<string, object?>(BlockProperty(s), true)),
                new("object_ownership", "BucketOwnerEnforced"), new("anonymous_access", false)]);
        }

        if (!r.Inputs["policy"].IsMissing)
        {
            WritePolicy(r, bucket, r.Property("policy"));
        }
    }

    private void AddBucketPolicy(IacResource r)
    {
        if (Ref(r, "bucket", r.Urn, SyntheticLabels.S3Bucket) is { } bucket)
        {
            WritePolicy(r, bucket, r.Property("policy"));
        }
    }

    /// <summary>
    /// Replaces the bucket's statements with the policy's. A policy known only at deployment is, in the widest plan,
    /// one statement letting anyone read, and in the narrowest none. The bucket's public flag then comes from its
    /// ACL grants alone: the policy's part is in the statements.
    /// </summary>
    private void WritePolicy(IacResource r, string bucket, IacValue policy)
    {
        var name = _graph.IdOf(bucket);
        Changed(name, r);
        foreach (var old in _graph.OutOf("POLICY_STATEMENT", bucket).ToList())
        {
            _graph.Remove(old);
        }

        _graph.Upsert(name, SyntheticLabels.S3Bucket, [new("anonymous_access", false), new("anonymous_actions", null)]);
        var statements = policy.IsUnknown || policy.String is not { } text ? null : Statements(text);
        if (statements is null)
        {
            if (policy.IsUnknown || policy.String is not null)
            {
                Unknown(r, "policy", name);
            }

            if (_resolution == UnknownResolution.Widest && !policy.IsMissing)
            {
                AddStatement(bucket, name, 1, null, "Allow", ["s3:GetObject"], "\"*\"", null);
            }

            return;
        }

        var index = 0;
        foreach (var statement in statements)
        {
            AddStatement(bucket, name, ++index, Text(statement, "Sid"), Text(statement, "Effect"), Strings(statement, "Action"),
                statement.TryGetProperty("Principal", out var principal) ? principal.GetRawText() : null,
                statement.TryGetProperty("Condition", out var condition) ? condition.GetRawText() : null);
        }
    }

    /// <summary>A statement node as Cartography writes it: <c>bucket/policy_statement/index[/sid]</c>, principal and condition as JSON text.</summary>
    private void AddStatement(string bucket, string bucketName, int index, string? sid, string? effect, List<object?> actions, string? principal, string? condition)
    {
        var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bucketName}/policy_statement/{index}{(sid is null ? "" : "/" + sid)}");
        var node = _graph.Upsert(id, SyntheticLabels.S3PolicyStatement,
            [new("bucket", bucketName), new("sid", sid), new("effect", effect), new("action", actions), new("principal", principal), new("condition", condition)]);
        _graph.Link("POLICY_STATEMENT", bucket, node);
    }

    /// <summary>The statements of a policy document, or null when it is not JSON (the deployment would reject it).</summary>
    private static List<JsonElement>? Statements(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (!document.RootElement.TryGetProperty("Statement", out var statements))
            {
                return [];
            }

            return statements.ValueKind == JsonValueKind.Array ? [.. statements.EnumerateArray().Select(s => s.Clone())] : [statements.Clone()];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<object?> Strings(JsonElement element, string name) => !element.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => (object?)v.GetString())]
        : [value.GetString()];

    /// <summary>The bucket's four settings: a setting left out is off; one known only at deployment is off in the widest plan.</summary>
    private void AddBucketPublicAccessBlock(IacResource r)
    {
        if (Ref(r, "bucket", r.Urn, SyntheticLabels.S3Bucket) is not { } bucket)
        {
            return;
        }

        var name = _graph.IdOf(bucket);
        Changed(name, r);
        _graph.Upsert(name, SyntheticLabels.S3Bucket, BlockSettings.Select(setting =>
        {
            var value = r.Property(setting);
            if (value.IsUnknown)
            {
                Unknown(r, setting, name);
            }

            return new KeyValuePair<string, object?>(BlockProperty(setting), value.IsUnknown ? _resolution == UnknownResolution.Narrowest : value.Bool ?? false);
        }));
    }

    /// <summary>A removed policy takes its statements; a removed block leaves the bucket without one.</summary>
    private void RemoveFromBucket(IacResource r, string type)
    {
        if (r.Property("bucket").String is not { } name || _graph.Find(name, SyntheticLabels.S3Bucket[0]) is not { } bucket)
        {
            return;
        }

        Changed(name, r);
        if (type == BucketPolicy)
        {
            foreach (var old in _graph.OutOf("POLICY_STATEMENT", bucket).ToList())
            {
                _graph.Remove(old);
            }

            _graph.Upsert(name, SyntheticLabels.S3Bucket, [new("anonymous_access", false), new("anonymous_actions", null)]);
        }
        else
        {
            _graph.Upsert(name, SyntheticLabels.S3Bucket, BlockSettings.Select(s => new KeyValuePair<string, object?>(BlockProperty(s), null)));
        }
    }
}
