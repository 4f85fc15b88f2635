namespace CloudPI.Graph.Cartography;

/// <summary>
/// One Cartography node kind and the labels it goes by: the current <c>AWS*</c> label (0.139.1+), the legacy label
/// of older graphs (still written alongside until 1.0.0), and labels that rule a node out because a legacy label
/// is shared (classic ELBs' <c>LoadBalancer</c> is also on ELBv2 nodes).
/// </summary>
public sealed class CartographyKind
{
    private static int s_kinds;
    private readonly int _labelFactSlot = Interlocked.Increment(ref s_kinds) - 1;
    private readonly Func<GraphNode, bool> _matchesLabels;

    internal CartographyKind(string currentLabel, string? legacyLabel = null, params string[] excludedLabels)
    {
        CurrentLabel = currentLabel;
        LegacyLabel = legacyLabel;
        ExcludedLabels = excludedLabels;
        _matchesLabels = MatchesLabels;
    }

    public string CurrentLabel { get; }

    public string? LegacyLabel { get; }

    public IReadOnlyList<string> ExcludedLabels { get; }

    /// <summary>The labels that identify this kind, current first.</summary>
    public IEnumerable<string> Labels => LegacyLabel is null ? [CurrentLabel] : [CurrentLabel, LegacyLabel];

    /// <summary>Whether the node is of this kind; answered once per label set of the graph.</summary>
    public bool Matches(GraphNode node) => node.Graph.LabelFact(node.Index, _labelFactSlot, _matchesLabels);

    private bool MatchesLabels(GraphNode node) =>
        (node.HasLabel(CurrentLabel) || (LegacyLabel is not null && node.HasLabel(LegacyLabel)))
        && !ExcludedLabels.Any(node.HasLabel);

    public override string ToString() => CurrentLabel;
}

/// <summary>Kind tests over several kinds at once.</summary>
public static class CartographyKindSets
{
    /// <summary>Whether <paramref name="node"/> is of one of <paramref name="kinds"/> (a loop: this runs for every resource analysed).</summary>
    public static bool AnyMatches(this CartographyKind[] kinds, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            if (kind.Matches(node))
            {
                return true;
            }
        }

        return false;
    }
}
