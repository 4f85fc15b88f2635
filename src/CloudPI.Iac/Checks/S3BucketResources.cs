using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>A bucket with the split resources that configure it (v5+ style), linked by their <c>bucket</c> input.</summary>
internal sealed record S3BucketResources(IacResource Bucket, RelatedResources Policies, RelatedResources Acls, RelatedResources AccessBlocks, RelatedResources Ownership)
{
    public static IEnumerable<S3BucketResources> All(IacStack stack) =>
        stack.OfType(AwsTypes.Buckets).Select(bucket => new S3BucketResources(
            bucket,
            RelatedResources.Find(stack, bucket, "bucket", AwsTypes.BucketPolicies),
            RelatedResources.Find(stack, bucket, "bucket", "aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"),
            RelatedResources.Find(stack, bucket, "bucket", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
            RelatedResources.Find(stack, bucket, "bucket", "aws:s3/bucketOwnershipControls:BucketOwnershipControls")));

    /// <summary>Every policy that applies to the bucket, with where it comes from: inline first, then BucketPolicy resources.</summary>
    public IEnumerable<(string Source, IacValue Policy)> PolicyDocuments() =>
        Policies.Linked.Select(p => ($"bucket policy {p.Name}", p.Property("policy")))
            .Prepend(("policy", Bucket.Property("policy")))
            .Where(p => !p.Item2.IsMissing);
}
