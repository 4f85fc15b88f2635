using System.Runtime.CompilerServices;
using CloudPI.Controls;
using CloudPI.Controls.Catalog.S3;
using CloudPI.Controls.Policies;
using CloudPI.Iac.Model;
using CloudPI.Iac.Policies;

namespace CloudPI.Iac.Checks;

/// <summary>
/// S3 buckets are not public. Per bucket: public read and public write, each from ACL grants (inline
/// <c>acl</c>/<c>grants</c>, BucketAcl(V2)) or Allow statements to everyone without a restrictive condition (inline
/// <c>policy</c>, BucketPolicy), unless a public access block (bucket or account) or BucketOwnerEnforced neutralises
/// them; and an explicit bucket PublicAccessBlock with a flag off. A bucket without one is not a failure: created now,
/// it gets AWS's all-on default; existing, it has whatever AWS holds (unknown). The sample only looked at
/// PublicAccessBlock flags.
/// </summary>
public sealed class S3BucketPublicAccessCheck() : IacCheck(S3BucketPublicReadProhibited.Control, S3BucketPublicWriteProhibited.Control, S3BucketLevelPublicAccessProhibited.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new S3BucketPublicAccessCheck());

    public override int Position => 7;

    private const string AccountBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
    private static readonly string[] Flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
    private static readonly string[] AllUsersGroups = ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];
    private static readonly Access Read = new("read", ["READ", "FULL_CONTROL"], ["public-read", "public-read-write", "authenticated-read"], ["s3:GetObject", "s3:ListBucket"]);
    private static readonly Access Write = new("write", ["WRITE", "WRITE_ACP", "FULL_CONTROL"], ["public-read-write"], ["s3:PutObject", "s3:DeleteObject", "s3:PutObjectAcl", "s3:PutBucketPolicy"]);

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var account = stack.OfType(AccountBlock).ToList();
        foreach (var bucket in S3BucketResources.All(stack))
        {
            var blocks = new Blocks(bucket, account);
            yield return DecideAccess(Controls[0], Read, bucket, blocks, stack);
            yield return DecideAccess(Controls[1], Write, bucket, blocks, stack);
            yield return DecideBucketBlock(bucket, account);
        }
    }

    private static CheckResult DecideAccess(Control control, Access access, S3BucketResources bucket, Blocks blocks, IacStack stack)
    {
        var findings = AclFindings(access, bucket).Select(f => f with { Neutralised = blocks.AclsNeutralised })
            .Concat(PolicyFindings(access, bucket).Select(f => f with { Neutralised = blocks.PolicyNeutralised }))
            .ToList();
        var open = findings.FirstOrDefault(f => f.Public == true && f.Neutralised == false);
        if (open is not null)
        {
            return new(control, bucket.Bucket, Verdict.Fail, open.Path, $"{open.Why} grants public {access.Name} access");
        }

        var undecided = findings.FirstOrDefault(f => f.Public != false && f.Neutralised != true);
        if (undecided is not null)
        {
            return new(control, bucket.Bucket, Verdict.Unknown, undecided.Path, undecided.Public is null
                ? $"{undecided.Why} is not known before deployment"
                : $"{undecided.Why} grants public {access.Name} access unless a public access block or ownership control not known before deployment neutralises it");
        }

        if (bucket.Policies.AnyUndecided || bucket.Acls.AnyUndecided || MayHaveUnlistedReferrers(stack, bucket.Bucket))
        {
            return new(control, bucket.Bucket, Verdict.Unknown, string.Empty, bucket.Policies.AnyUndecided || bucket.Acls.AnyUndecided
                ? "a bucket policy or ACL resource's bucket is not known before deployment" : UnlistedResources);
        }

        return new(control, bucket.Bucket, Verdict.Pass, string.Empty, findings.Count == 0 ? $"no ACL grant or policy allows public {access.Name}" : $"public {access.Name} access is blocked");
    }

    private static IEnumerable<Exposure> AclFindings(Access access, S3BucketResources bucket)
    {
        var sources = bucket.Acls.Linked.Select(acl => (Prefix: $"bucket ACL {acl.Name}", Resource: acl))
            .Prepend((Prefix: string.Empty, Resource: bucket.Bucket));
        foreach (var (prefix, resource) in sources)
        {
            var label = prefix.Length == 0 ? "the bucket's" : prefix + "'s";
            var canned = resource.Property("acl");
            if (!canned.IsMissing)
            {
                yield return new Exposure("acl", $"{label} canned ACL {canned}", canned.IsUnknown ? null : access.CannedAcls.Contains(canned.String, StringComparer.Ordinal));
            }

            var inline = resource.Property("grants").Items().Select((g, i) => ($"grants[{i}]", g["uri"], g["permissions"]));
            var split = resource.Property("accessControlPolicy")["grants"].Items().Select((g, i) => ($"accessControlPolicy.grants[{i}]", g["grantee"]["uri"], g["permission"]));
            foreach (var (path, uri, permissions) in inline.Concat(split))
            {
                yield return new Exposure(path, $"{label} grant {path}", IsPublicGrant(access, uri, permissions));
            }
        }
    }

    private static bool? IsPublicGrant(Access access, IacValue uri, IacValue permissions)
    {
        if (uri.IsUnknown || permissions.ContainsUnknown())
        {
            return null;
        }

        return uri.String is { } group && AllUsersGroups.Contains(group, StringComparer.Ordinal)
            && permissions.Items().Any(p => access.Permissions.Contains(p.String, StringComparer.Ordinal));
    }

    private static IEnumerable<Exposure> PolicyFindings(Access access, S3BucketResources bucket)
    {
        foreach (var (source, policy) in bucket.PolicyDocuments())
        {
            var (state, statements) = IamPolicy.Statements(policy);
            if (state == ValueState.Unknown)
            {
                yield return new Exposure(source, source, null);
                continue;
            }

            foreach (var (statement, index) in statements.Select((s, i) => (s, i)))
            {
                var publicAllow = IamPolicy.AllowsPublicAccess(statement, acceptSourceIpCondition: true);
                var covers = access.Actions.Select(a => IamPolicy.CoversAction(statement, a)).ToList();
                bool? coversAccess = covers.Any(c => c == true) ? true : covers.Any(c => c is null) ? null : false;
                bool? isPublic = publicAllow == false || coversAccess == false ? false : publicAllow == true && coversAccess == true ? true : null;
                yield return new Exposure($"{source}.Statement[{index}]", $"{source} statement {index}", isPublic);
            }
        }
    }

    private CheckResult DecideBucketBlock(S3BucketResources bucket, IReadOnlyList<IacResource> account)
    {
        var control = Controls[2];
        foreach (var block in bucket.AccessBlocks.Linked)
        {
            foreach (var flag in Flags)
            {
                var value = block.Property(flag);
                if (value.IsUnknown)
                {
                    return new(control, bucket.Bucket, Verdict.Unknown, $"{block.Name}.{flag}", $"public access block {block.Name}'s {flag} is not known before deployment");
                }

                if (value.Bool != true)
                {
                    return new(control, bucket.Bucket, Verdict.Fail, $"{block.Name}.{flag}", $"public access block {block.Name} turns {flag} off{(value.IsMissing ? " (absent defaults to false)" : string.Empty)}");
                }
            }
        }

        if (bucket.AccessBlocks.Any)
        {
            return new(control, bucket.Bucket, Verdict.Pass, string.Empty, "its public access block turns all four settings on");
        }

        if (account.Any(a => Flags.All(f => a.Property(f).Bool == true)))
        {
            return new(control, bucket.Bucket, Verdict.Pass, string.Empty, "the account public access block turns all four settings on");
        }

        if (bucket.AccessBlocks.AnyUndecided)
        {
            return new(control, bucket.Bucket, Verdict.Unknown, string.Empty, "a public access block's bucket is not known before deployment");
        }

        // No explicit block is no failure: AWS turns all four settings on for every bucket created since April 2023.
        return bucket.Bucket.IsCreated
            ? new(control, bucket.Bucket, Verdict.Pass, string.Empty, "no explicit public access block: the new bucket gets AWS's default, all four settings on")
            : new(control, bucket.Bucket, Verdict.Unknown, string.Empty, "no explicit public access block in this input: the existing bucket keeps the settings AWS holds for it");
    }

    /// <summary>What public read or public write means in ACL permissions, canned ACLs and policy actions.</summary>
    private sealed record Access(string Name, string[] Permissions, string[] CannedAcls, string[] Actions);

    /// <summary>One ACL grant or policy statement: whether it is public (null: unknown), and whether a block neutralises it.</summary>
    private sealed record Exposure(string Path, string Why, bool? Public)
    {
        public bool? Neutralised { get; init; }
    }

    /// <summary>
    /// The effect of the bucket's and the account's public access blocks, and of BucketOwnerEnforced, on grants this
    /// deployment makes (so the block_* settings count: AWS refuses the new grant). The rule per mechanism is
    /// <see cref="BlockPublicAccess"/>'s, shared with the live-account analysis. A block or ownership control whose
    /// bucket is not known may be this bucket's: where it would neutralise, whether it does is unknown.
    /// </summary>
    private sealed class Blocks(S3BucketResources bucket, IReadOnlyList<IacResource> account)
    {
        public bool? AclsNeutralised => BlockPublicAccess.Neutralises(PublicGrantMechanism.Acl, grantIsNew: true, OwnerEnforced(), [Settings]);

        public bool? PolicyNeutralised => BlockPublicAccess.Neutralises(PublicGrantMechanism.Policy, grantIsNew: true, aclsDisabled: false, [Settings]);

        /// <summary>The bucket's and the account's blocks together: a flag is on when either turns it on.</summary>
        private BlockPublicAccessSettings Settings => new(Flag("blockPublicAcls"), Flag("ignorePublicAcls"), Flag("blockPublicPolicy"), Flag("restrictPublicBuckets"));

        private static bool? Any(IEnumerable<bool?> values)
        {
            var all = values.ToList();
            return all.Any(v => v == true) ? true : all.Any(v => v is null) ? null : false;
        }

        /// <summary>A known true counts; one from a resource that may not be this bucket's only makes it unknown.</summary>
        private static IEnumerable<bool?> Settled(RelatedResources related, IEnumerable<IacResource> certain, Func<IacResource, bool?> isOn) =>
            related.Linked.Concat(certain).Select(isOn).Concat(related.Undecided.Select(r => isOn(r) == false ? false : (bool?)null));

        private static bool? IsOn(IacValue value, Func<IacValue, bool> on) => value.IsUnknown ? null : on(value);

        private bool? Flag(string name) => Any(Settled(bucket.AccessBlocks, account, b => IsOn(b.Property(name), v => v.Bool == true)));

        private bool? OwnerEnforced() => Any(Settled(bucket.Ownership, [], o => IsOn(o.Property("rule")["objectOwnership"], v => v.String == "BucketOwnerEnforced")));
    }
}
