namespace CloudPI.Catalog.Tests.Cases;

/// <summary>s3-bucket-server-side-encryption-enabled: a bucket's default encryption as Pulumi declares it.</summary>
internal sealed class S3BucketServerSideEncryptionEnabledCases : IControlCases
{
    public string ControlId => "s3-bucket-server-side-encryption-enabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("{'serverSideEncryptionConfiguration':{'rule':{'applyServerSideEncryptionByDefault':{'sseAlgorithm':'none'}}}}", Expected.Fail, Pulumi: p => p.Add("aws:s3/bucket:Bucket", "b", """{"serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"none"}}}}"""), PulumiResource: "b"),
        new("{'serverSideEncryptionConfiguration':{'rule':{'applyServerSideEncryptionByDefault':{'sseAlgorithm':'AES256'}}}}", Expected.Pass, Pulumi: p => p.Add("aws:s3/bucket:Bucket", "b", """{"serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}}}"""), PulumiResource: "b"),
    ];
}
