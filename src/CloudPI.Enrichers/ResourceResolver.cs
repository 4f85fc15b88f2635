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

        return NameInside(trimmed) is { } name && graph.TryFind(name, out node);
    }

    /// <summary>The target as given, then the resource name inside an ARN or a fallback target.</summary>
    public static IEnumerable<string> Candidates(string target)
    {
        yield return target;
        if (NameInside(target) is { } name)
        {
            yield return name;
        }
    }

    /// <summary>
    /// The resource name inside an ARN (<c>arn:partition:service:region:account:resource</c>, where resource is
    /// <c>type/id</c>, <c>type:id</c> or <c>id</c>) or a fallback target; null for anything else. Found by position,
    /// not by splitting: every issue asks, and the ARN's other parts are not needed.
    /// </summary>
    public static string? NameInside(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.StartsWith("arn:", StringComparison.Ordinal))
        {
            var resource = 0;
            for (var field = 0; field < 5; field++)
            {
                var colon = target.IndexOf(':', resource);
                if (colon < 0)
                {
                    return null;
                }

                resource = colon + 1;
            }

            var rest = target.AsSpan(resource);
            var slash = rest.IndexOf('/');
            var typeColon = rest.IndexOf(':');
            var separator = slash >= 0 && (typeColon < 0 || slash < typeColon) ? slash : typeColon;
            return target[(separator >= 0 ? resource + separator + 1 : resource)..];
        }

        if (target.StartsWith("AWS::", StringComparison.Ordinal) && target.Contains('/', StringComparison.Ordinal))
        {
            var id = target[(target.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var at = id.IndexOf('@', StringComparison.Ordinal);
            return at >= 0 ? id[..at] : id;
        }

        return null;
    }
}
