using System.Text.Json;
using CloudPI.Reachability.Layers;
using CloudPI.Controls.Policies;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability;

/// <summary>How a grant makes a bucket public: the mechanism decides which Block Public Access setting neutralises it.</summary>
public enum S3GrantKind
{
    /// <summary>A bucket policy statement (neutralised by <c>restrict_public_buckets</c>).</summary>
    Policy,

    /// <summary>An ACL grant (neutralised by <c>ignore_public_acls</c> or ACLs disabled).</summary>
    Acl,

    /// <summary>Cartography's <c>anonymous_access</c> with no statement or ACL node to say which (neutralised only when both are).</summary>
    Unexplained,

    /// <summary>A CloudFront distribution serving the bucket (its service principal is not public: no block applies).</summary>
    Distribution,
}

/// <summary>One way a bucket is public now; <see cref="SourceIpRanges"/> names the ranges an <c>aws:SourceIp</c> condition allows.</summary>
public sealed record S3Grant(S3GrantKind Kind, string NodeId, string Reason, string Hop, string Fix, IReadOnlyList<string>? SourceIpRanges = null);

/// <summary>A grant's standing against Block Public Access: neutralised (true), not (false) or unknown (null), and by what.</summary>
public sealed record S3Neutralisation(bool? Neutralised, IReadOnlyList<string> By);

/// <summary>
/// The public grants of S3 buckets as Cartography stores them (policy statements, ACL grants, <c>anonymous_access</c>,
/// CloudFront distributions), and whether the bucket's or its account's Block Public Access neutralises each, per
/// mechanism (<see cref="BlockPublicAccess"/>, shared with the IaC check). Reachability lists the grants; exploitability
/// applies the blocks. Safe to share between threads.
/// </summary>
public sealed class S3PublicGrants(CartographyView view)
{
    /// <summary>Account-level public access blocks by owning account node (one per region synced), built once.</summary>
    private readonly Lazy<ILookup<GraphNode, S3AccountPublicAccessBlock>> _accountBlocks = new(() => view.All<S3AccountPublicAccessBlock>()
        .SelectMany(b => b.Node.Neighbors("RESOURCE", Direction.Incoming).Where(CartographyKinds.Account.Matches).Select(a => (Account: a, Block: b)))
        .ToLookup(x => x.Account, x => x.Block));

    /// <summary>The bucket's public grants now; empty when none. Statements with unreadable JSON are in <paramref name="unreadable"/>.</summary>
    public IReadOnlyList<S3Grant> Of(GraphNode bucketNode, out IReadOnlyList<string> unreadable)
    {
        var bucket = S3Bucket.Wrap(bucketNode);
        var id = NetworkTopology.IdOf(bucketNode);
        var grants = new List<S3Grant>();
        var bad = new List<string>();
        var statements = Statements(bucket);
        var denied = statements.Where(s => s.Principal is { } p && PublicPolicy.DeniesEveryone(s.Statement.Effect, p, s.Condition ?? default))
            .SelectMany(s => s.Statement.Actions).ToList();
        foreach (var (statement, principal, condition, index) in statements)
        {
            var statementId = NetworkTopology.IdOf(statement.Node);
            if (principal is not { } readPrincipal)
            {
                bad.Add(statementId);
                continue;
            }

            if (PublicPolicy.CoveredByDeny(denied, statement.Actions))
            {
                continue; // an unconditional Deny to everyone overrides it
            }

            if (PublicPolicy.Evaluate(index, statement.Sid, statement.Effect, readPrincipal, condition ?? default) is { } grant)
            {
                var actions = statement.Actions.Count == 0 ? "its actions" : string.Join(", ", statement.Actions);
                grants.Add(new S3Grant(S3GrantKind.Policy, statementId,
                    $"policy statement {statementId} allows {actions} to principal {statement.PrincipalJson} with no condition that ties the caller to an account, organisation or network{grant.SourceIpLimit}",
                    $"s3 policy {statementId}", $"remove the public principal from {statementId} (or limit it with aws:PrincipalOrgID / aws:SourceVpce)", grant.SourceIpRanges));
            }
        }

        foreach (var acl in bucket.Acls.Where(a => a.PublicGroup is not null).OrderBy(a => a.PublicGroup).ThenBy(a => a.Permission))
        {
            var who = acl.PublicGroup == "AllUsers" ? "AllUsers (anyone)" : "AuthenticatedUsers (anyone with an AWS account)";
            grants.Add(new S3Grant(S3GrantKind.Acl, NetworkTopology.IdOf(acl.Node), $"the bucket ACL grants {acl.Permission} to {who}",
                $"s3 acl {acl.PublicGroup} {acl.Permission}", $"remove the {acl.PublicGroup} {acl.Permission} grant from {id}'s ACL"));
        }

        grants.AddRange(bucket.ServedBy.Where(d => d.Properties.GetBool("enabled") != false).Select(d => Distribution(d, id)));
        if (grants.All(g => g.Kind == S3GrantKind.Distribution) && bucket.AnonymousAccessRecorded == true)
        {
            grants.Add(new S3Grant(S3GrantKind.Unexplained, id,
                $"Cartography found it internet-accessible (anonymous_access; anonymous_actions: {string.Join(", ", bucket.AnonymousActions)}); no statement or ACL node explains it",
                "s3 anonymous_access", $"remove the public grant from {id}'s policy or ACL"));
        }

        unreadable = bad;
        return grants;
    }

    /// <summary>
    /// Whether Block Public Access neutralises <paramref name="grant"/> as the bucket stands (existing grants: only
    /// <c>restrict_public_buckets</c>, <c>ignore_public_acls</c> and ACLs disabled count), at bucket or account level.
    /// </summary>
    public S3Neutralisation Neutralisation(GraphNode bucketNode, S3Grant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var bucket = S3Bucket.Wrap(bucketNode);
        return grant.Kind switch
        {
            S3GrantKind.Policy => Mechanism(bucket, PublicGrantMechanism.Policy),
            S3GrantKind.Acl => Mechanism(bucket, PublicGrantMechanism.Acl),
            S3GrantKind.Unexplained => Both(Mechanism(bucket, PublicGrantMechanism.Policy), Mechanism(bucket, PublicGrantMechanism.Acl)),
            _ => new S3Neutralisation(false, []),
        };
    }

    /// <summary>Notes for the evidence: which settings apply to grants of <paramref name="kind"/>, and which only stop new ones.</summary>
    public IReadOnlyList<EvidenceStep> Notes(GraphNode bucketNode, S3GrantKind kind)
    {
        if (kind is S3GrantKind.Distribution or S3GrantKind.Unexplained)
        {
            return [];
        }

        var bucket = S3Bucket.Wrap(bucketNode);
        var id = NetworkTopology.IdOf(bucketNode);
        var mechanism = kind == S3GrantKind.Policy ? PublicGrantMechanism.Policy : PublicGrantMechanism.Acl;
        var what = kind == S3GrantKind.Policy ? "public policy grants" : "public ACL grants";
        var notes = Mechanism(bucket, mechanism).By
            .Select(by => new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Note, $"{by} neutralises {what} (the exploitability enricher decides)"))
            .ToList();
        var onlyNew = kind == S3GrantKind.Policy ? "block_public_policy" : "block_public_acls";
        if (Settings(bucket).Any(s => (kind == S3GrantKind.Policy ? s.Settings.BlockPublicPolicy : s.Settings.BlockPublicAcls) == true))
        {
            notes.Add(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Note, $"{onlyNew} is on, but it only stops new {what}; it does not neutralise this one"));
        }

        return notes;
    }

    private S3Neutralisation Mechanism(S3Bucket bucket, PublicGrantMechanism mechanism)
    {
        var settings = Settings(bucket);
        var aclsDisabled = bucket.ObjectOwnership == "BucketOwnerEnforced";
        var neutralised = BlockPublicAccess.Neutralises(mechanism, grantIsNew: false, mechanism == PublicGrantMechanism.Acl ? aclsDisabled : false, settings.Select(s => s.Settings));
        var flag = mechanism == PublicGrantMechanism.Policy ? "restrict_public_buckets" : "ignore_public_acls";
        List<string> by =
        [
            .. settings.Where(s => (mechanism == PublicGrantMechanism.Policy ? s.Settings.RestrictPublicBuckets : s.Settings.IgnorePublicAcls) == true).Select(s => $"{flag} on {s.Where}"),
            .. mechanism == PublicGrantMechanism.Acl && aclsDisabled ? ["object_ownership BucketOwnerEnforced (ACLs disabled)"] : Array.Empty<string>(),
        ];
        return new S3Neutralisation(neutralised, by);
    }

    private static S3Neutralisation Both(S3Neutralisation policy, S3Neutralisation acl) => new(
        policy.Neutralised == true && acl.Neutralised == true ? true : policy.Neutralised == false || acl.Neutralised == false ? false : null,
        [.. policy.By, .. acl.By]);

    /// <summary>The bucket's own block and its account's block for the bucket's region, named for sentences.</summary>
    private List<(BlockPublicAccessSettings Settings, string Where)> Settings(S3Bucket bucket)
    {
        var region = bucket.Region();
        // Cartography leaves a flag null when the bucket has no block configured: AWS applies none then.
        var own = new BlockPublicAccessSettings(bucket.BlockPublicAcls ?? false, bucket.IgnorePublicAcls ?? false, bucket.BlockPublicPolicy ?? false, bucket.RestrictPublicBuckets ?? false);
        return
        [
            (own, "the bucket"),
            .. bucket.Node.Neighbors("RESOURCE", Direction.Incoming).Where(CartographyKinds.Account.Matches)
                .SelectMany(a => _accountBlocks.Value[a])
                .Where(b => region is null || b.Region() is null || b.Region() == region)
                .Select(b => (new BlockPublicAccessSettings(b.BlockPublicAcls, b.IgnorePublicAcls, b.BlockPublicPolicy, b.RestrictPublicBuckets),
                    $"the account's public access block {NetworkTopology.IdOf(b.Node)}")),
        ];
    }

    private static S3Grant Distribution(GraphNode distribution, string bucketId)
    {
        var distributionId = NetworkTopology.IdOf(distribution);
        var domain = distribution.Properties.GetString("domain_name") ?? distributionId;
        var guards = new List<string>();
        if (distribution.Properties.GetString("web_acl_id") is { Length: > 0 } webAcl)
        {
            guards.Add($"web ACL {webAcl}");
        }

        if (distribution.Properties.GetString("geo_restriction_type") is { Length: > 0 } geo && geo != "none")
        {
            guards.Add($"geo restriction ({geo} {string.Join(", ", distribution.Properties.GetStringList("geo_restriction_locations"))})");
        }

        return new S3Grant(S3GrantKind.Distribution, distributionId,
            $"CloudFront distribution {distributionId} ({domain}) serves {bucketId}'s objects to the internet{(guards.Count == 0 ? "" : $", behind {string.Join(" and ", guards)}")}; whether viewers must present signed URLs or cookies is not in the graph",
            $"cloudfront {domain}", $"require signed URLs or cookies on {distributionId}, or stop serving {bucketId} from it");
    }

    /// <summary>The bucket's statements in id order, principal and condition parsed; a null principal marks one that is not valid JSON.</summary>
    private static List<(S3PolicyStatement Statement, JsonElement? Principal, JsonElement? Condition, int Index)> Statements(S3Bucket bucket) =>
    [
        .. bucket.PolicyStatements.OrderBy(s => NetworkTopology.IdOf(s.Node), StringComparer.Ordinal).Select((s, i) =>
        {
            var condition = s.ConditionJson is null ? default(JsonElement) : Parse(s.ConditionJson);
            return (s, condition is null ? null : Parse(s.PrincipalJson), condition, i + 1);
        }),
    ];

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
