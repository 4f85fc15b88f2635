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
    ];
}
