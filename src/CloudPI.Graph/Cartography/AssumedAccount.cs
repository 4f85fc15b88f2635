namespace CloudPI.Graph.Cartography;

/// <summary>
/// What an account whose roles another account's principals may assume contributes to that account's analysis: the
/// part a blast radius walks through (identity analysis), never its compute or network. Both account indexes (graph
/// file and Neo4j) load exactly this part of an assumed account.
/// </summary>
/// <remarks>
/// A blast radius enters another account at a role, reads that role's policies and their statements, follows its
/// <c>STS_ASSUMEROLE_ALLOW</c> edges to further roles (so further accounts are assumed the same way), and reaches
/// data: what its <c>CAN_*</c>/<c>GET_SECRET</c> edges point at, and, by policy, the S3 buckets and KMS keys of the
/// role's own account, whose tags rate the data and whose account node decides whose they are. Those buckets and keys
/// are needed only when a role the analysed account's principals may reach along assume-role edges has a statement
/// that may allow one of <see cref="DataActions"/>: an account assumed only for an audit role that may describe
/// instances brings none of its data.
/// </remarks>
public static class AssumedAccount
{
    /// <summary>The labels of the nodes an assumed account contributes whole: principals and roles, policies and
    /// their statements (its account node comes too).</summary>
    public static IReadOnlyList<string> Labels { get; } = LabelsOf(
        [CartographyKinds.Principal, CartographyKinds.Role, CartographyKinds.Policy, CartographyKinds.PolicyStatement], "AWSManagedPolicy", "AWSInlinePolicy");

    /// <summary>The labels of the data stores an assumed account contributes when a role of it that the analysed
    /// account may reach may allow one of <see cref="DataActions"/>: S3 buckets and KMS keys.</summary>
    public static IReadOnlyList<string> DataLabels { get; } = LabelsOf([CartographyKinds.S3Bucket, CartographyKinds.KmsKey]);

    /// <summary>The relationships from a principal to data it may reach: their ends are contributed too, whatever their label.</summary>
    public static IReadOnlyList<string> DataAccessTypes { get; } = ["CAN_READ", "CAN_WRITE", "GET_SECRET", "CAN_QUERY", "CAN_ADMINISTER"];

    /// <summary>The relationship to a node's tags: the tags of every contributed node are contributed too.</summary>
    public const string TagType = "TAGGED";

    private static List<string> LabelsOf(CartographyKind[] kinds, params string[] more) =>
        [.. kinds.SelectMany(kind => kind.Labels).Concat(more).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
