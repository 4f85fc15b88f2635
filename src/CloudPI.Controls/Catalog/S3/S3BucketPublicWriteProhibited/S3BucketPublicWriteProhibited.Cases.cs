namespace CloudPI.Catalog.Tests.Cases;

/// <summary>s3-bucket-public-write-prohibited: a bucket anyone may write to: Cartography's anonymous-access reading, a Pulumi ACL.</summary>
internal sealed class S3BucketPublicWriteProhibitedCases : IControlCases
{
    public string ControlId => "s3-bucket-public-write-prohibited";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("anyone may read and write", Expected.Fail,
            g => g.Bucket("b", true, ("anonymous_actions", new[] { "s3:GetObject", "s3:PutObject" })), "b",
            p => p.Add("aws:s3/bucket:Bucket", "b", """{"acl":"public-read-write"}"""), "b"),
        new("anyone may only read", Expected.Pass,
            g => g.Bucket("b", true, ("anonymous_actions", new[] { "s3:GetObject" })), "b",
            p => p.Add("aws:s3/bucket:Bucket", "b", """{"acl":"public-read"}"""), "b"),
        new("private", Expected.Pass, g => g.Bucket("b", false), "b", p => p.Add("aws:s3/bucket:Bucket", "b", """{"acl":"private"}"""), "b"),
    ];
}
