using CloudPI.Graph;

namespace CloudPI.GraphChecks.Checks;

/// <summary>What Cartography's anonymous-access reading of a bucket lets anyone do, for the public read and write controls.</summary>
internal static class AnonymousBucketActions
{
    /// <summary>The anonymous actions of a bucket starting with any of <paramref name="verbs"/> (s3:GetObject...), or null.</summary>
    public static string? Matching(GraphNode bucket, params string[] verbs)
    {
        if (bucket.Properties.GetBool("anonymous_access") != true)
        {
            return null;
        }

        var actions = bucket.Properties.GetStringList("anonymous_actions")
            .Where(a => a == "*" || a == "s3:*" || verbs.Any(v => a.StartsWith("s3:" + v, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return actions.Count > 0 ? string.Join(", ", actions) : null;
    }
}
