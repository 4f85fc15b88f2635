using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.S3;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>s3-bucket-public-read-prohibited on the graph: a bucket anyone may read or list.</summary>
internal static class S3BucketPublicReadProhibitedOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(S3BucketPublicReadProhibited.Control, CartographyKinds.S3Bucket, n => AnonymousBucketActions.Matching(n, "Get", "List") is { } actions ? $"anonymous access allows {actions}" : null));
}
