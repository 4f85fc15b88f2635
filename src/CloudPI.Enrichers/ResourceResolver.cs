using CloudPI.Graph;

namespace CloudPI.Enrichers;

/// <summary>
/// Finds the graph node an issue's target names. Producers write ARNs (AWS Config, Cartography), resource ids, or
/// a fallback <c>AWS::Type/id@account/region</c>; Cartography keys nodes by <c>id</c> and often <c>arn</c>, and the
/// id is not always the ARN's last part (S3 buckets are keyed by name), so several readings are tried in order.
/// </summary>
public sealed class ResourceResolver(PropertyGraph graph)
{
    public bool TryResolve(string? target, out GraphNode node)
    {
        node = default;
        if (string.IsNullOrWhiteSpace(target))
        {
            return false;
        }

        // The target as given first, without an iterator: producers mostly write the ARN or id a node is keyed by.
        var trimmed = target.Trim();
        if (graph.TryFind(trimmed, out node))
        {
            return true;
        }

        foreach (var candidate in Candidates(trimmed).Skip(1))
        {
            if (graph.TryFind(candidate, out node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The target as given, then the resource name inside an ARN or a fallback target.</summary>
    public static IEnumerable<string> Candidates(string target)
    {
        yield return target;
        if (target.StartsWith("arn:", StringComparison.Ordinal))
        {
            // arn:partition:service:region:account:resource, where resource is type/id, type:id or id.
            var parts = target.Split(':', 6);
            if (parts.Length == 6)
            {
                var resource = parts[5];
                var slash = resource.IndexOf('/', StringComparison.Ordinal);
                var colon = resource.IndexOf(':', StringComparison.Ordinal);
                var separator = slash >= 0 && (colon < 0 || slash < colon) ? slash : colon;
                yield return separator >= 0 ? resource[(separator + 1)..] : resource;
            }
        }
        else if (target.StartsWith("AWS::", StringComparison.Ordinal) && target.Contains('/', StringComparison.Ordinal))
        {
            var id = target[(target.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var at = id.IndexOf('@', StringComparison.Ordinal);
            yield return at >= 0 ? id[..at] : id;
        }
    }
}
