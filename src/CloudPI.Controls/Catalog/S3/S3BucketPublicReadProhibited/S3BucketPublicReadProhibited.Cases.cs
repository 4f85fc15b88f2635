namespace CloudPI.Catalog.Tests.Cases;

/// <summary>s3-bucket-public-read-prohibited: a bucket anyone may read: Cartography's anonymous-access reading, a Pulumi ACL.</summary>
internal sealed class S3BucketPublicReadProhibitedCases : IControlCases
{
    public string ControlId => "s3-bucket-public-read-prohibited";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("anyone may read", Expected.Fail,
            g => g.Bucket("b", true, ("anonymous_actions", new[] { "s3:GetObject" })), "b",
            p => p.Add("aws:s3/bucket:Bucket", "b", """{"acl":"public-read"}"""), "b"),
        new("private", Expected.Pass, g => g.Bucket("b", false), "b", p => p.Add("aws:s3/bucket:Bucket", "b", """{"acl":"private"}"""), "b"),
        new("anyone may only write", Expected.Pass, g => g.Bucket("b", true, ("anonymous_actions", new[] { "s3:PutObject" })), "b"),
        new("a policy lets anyone read, no Block Public Access", Expected.Fail, g => PublicByPolicy(g), "b", Exploitable: ExploitabilityStatus.Exploitable),
        new("a policy lets anyone read, the account's Block Public Access restricts public policies", Expected.Fail,
            g => PublicByPolicy(g).AccountPublicAccessBlock(("restrict_public_buckets", true)), "b", Exploitable: ExploitabilityStatus.NotExploitable),
        new("a stale finding: the bucket is private now", Expected.Pass, g => g.Bucket("b", false), "b", Exploitable: ExploitabilityStatus.NotExploitable),
    ];

    private static CartographyGraph PublicByPolicy(CartographyGraph g) =>
        g.Bucket("b", true, ("anonymous_actions", new[] { "s3:GetObject" })).BucketStatement("b", 1, "\"*\"");
}
