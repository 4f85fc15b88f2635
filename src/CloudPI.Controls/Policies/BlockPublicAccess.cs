namespace CloudPI.Controls.Policies;

/// <summary>How an S3 bucket is made public: by its policy, or by its ACL.</summary>
public enum PublicGrantMechanism
{
    Policy,
    Acl,
}

/// <summary>One S3 Block Public Access configuration (a bucket's, or an account's); null = not known.</summary>
public sealed record BlockPublicAccessSettings(bool? BlockPublicAcls, bool? IgnorePublicAcls, bool? BlockPublicPolicy, bool? RestrictPublicBuckets);

/// <summary>
/// Which Block Public Access settings neutralise a public grant, per mechanism. A public policy is neutralised by
/// <c>RestrictPublicBuckets</c>; a public ACL by <c>IgnorePublicAcls</c> or by ACLs being disabled
/// (<c>BucketOwnerEnforced</c>); at bucket or account level. <c>BlockPublicPolicy</c> and <c>BlockPublicAcls</c> only
/// refuse NEW grants: they stop a grant a deployment is about to make (IaC), never one that exists (a live account).
/// </summary>
public static class BlockPublicAccess
{
    /// <summary>True when some setting neutralises the grant, null when an unknown one might, false otherwise.</summary>
    public static bool? Neutralises(PublicGrantMechanism mechanism, bool grantIsNew, bool? aclsDisabled, IEnumerable<BlockPublicAccessSettings> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var settings = blocks.ToList();
        var flags = mechanism == PublicGrantMechanism.Policy
            ? settings.Select(b => b.RestrictPublicBuckets).Concat(grantIsNew ? settings.Select(b => b.BlockPublicPolicy) : [])
            : settings.Select(b => b.IgnorePublicAcls).Concat(grantIsNew ? settings.Select(b => b.BlockPublicAcls) : []).Append(aclsDisabled);
        var values = flags.ToList();
        return values.Any(v => v == true) ? true : values.Any(v => v is null) ? null : false;
    }

    /// <summary>The settings that count for <paramref name="mechanism"/>, for sentences.</summary>
    public static string Neutralisers(PublicGrantMechanism mechanism, bool grantIsNew) => (mechanism, grantIsNew) switch
    {
        (PublicGrantMechanism.Policy, false) => "restrict_public_buckets",
        (PublicGrantMechanism.Policy, true) => "restrict_public_buckets or block_public_policy",
        (PublicGrantMechanism.Acl, false) => "ignore_public_acls or BucketOwnerEnforced",
        _ => "ignore_public_acls, block_public_acls or BucketOwnerEnforced",
    };
}
