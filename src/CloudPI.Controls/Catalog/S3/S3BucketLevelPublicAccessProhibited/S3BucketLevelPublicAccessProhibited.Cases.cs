namespace CloudPI.Catalog.Tests.Cases;

/// <summary>s3-bucket-level-public-access-prohibited: a bucket's Block Public Access settings as Pulumi declares them.</summary>
internal sealed class S3BucketLevelPublicAccessProhibitedCases : IControlCases
{
    public string ControlId => "s3-bucket-level-public-access-prohibited";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("its block turns block_public_acls off", Expected.Fail,
            Pulumi: p => p.Add("aws:s3/bucketV2:BucketV2", "b", "{}")
                .Add("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", $$"""{"bucket":"{{PreviewBuilder.Unknown}}","blockPublicAcls":false,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""",
                    dependencies: $$"""{"bucket":["{{PreviewBuilder.Urn("aws:s3/bucketV2:BucketV2", "b")}}"]}"""), PulumiResource: "b"),
        new("a new bucket without a block gets the default, all on", Expected.Pass, Pulumi: p => p.Add("aws:s3/bucketV2:BucketV2", "b", "{}"), PulumiResource: "b"),
    ];
}
