using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.S3;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>s3-bucket-public-write-prohibited on the graph: a bucket anyone may write to or delete from.</summary>
internal static class S3BucketPublicWriteProhibitedOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(S3BucketPublicWriteProhibited.Control, CartographyKinds.S3Bucket, n => AnonymousBucketActions.Matching(n, "Put", "Delete") is { } actions ? $"anonymous access allows {actions}" : null));
}
