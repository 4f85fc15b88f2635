namespace CloudPI.Graph.Cartography;

/// <summary>
/// The actions through which an identity policy reaches S3 buckets and KMS keys in a blast radius (the exploitability
/// identity analysis asks exactly these): reading or writing objects, decrypting, and granting itself any permission
/// (administrator-equivalent, which reaches every critical store), plus <c>*</c>, which covers them all.
/// </summary>
/// <remarks>
/// Whether a policy statement may allow one is judged conservatively, so that both account indexes (graph file and
/// Neo4j, whose Cypher has no glob) can ask it of the raw statement: an <c>Allow</c> statement with a
/// <c>NotAction</c> may (whatever it excludes), and one whose <c>Action</c> pattern, lower-cased, either is one of them
/// or has a wildcard (<c>*</c>, <c>?</c>) and starts, before its first wildcard, like one of them. Resources,
/// conditions and Deny statements are not weighed: an IAM match is always such a match, never the reverse.
/// </remarks>
public static class DataActions
{
    public const string GetObject = "s3:GetObject";

    public const string PutObject = "s3:PutObject";

    public const string Decrypt = "kms:Decrypt";

    public const string AttachRolePolicy = "iam:AttachRolePolicy";

    public const string PutRolePolicy = "iam:PutRolePolicy";

    /// <summary>The statement effect that grants.</summary>
    public const string Allow = "Allow";

    /// <summary>The actions, lower-cased, as the account indexes match statement patterns against them.</summary>
    public static IReadOnlyList<string> Lowered { get; } = [.. new[] { GetObject, PutObject, Decrypt, AttachRolePolicy, PutRolePolicy }.Select(a => a.ToLowerInvariant())];

    /// <summary>Whether an <c>Action</c> pattern of an <c>Allow</c> statement may grant one of the actions (see the remarks).</summary>
    public static bool MayBeGrantedBy(ReadOnlySpan<char> pattern)
    {
        Span<char> lowered = pattern.Length <= 256 ? stackalloc char[pattern.Length] : new char[pattern.Length];
        pattern.ToLowerInvariant(lowered);
        var wildcard = lowered.IndexOfAny('*', '?');
        foreach (var action in Lowered)
        {
            if (wildcard < 0 ? action.AsSpan().SequenceEqual(lowered) : action.AsSpan().StartsWith(lowered[..wildcard]))
            {
                return true;
            }
        }

        return false;
    }
}
