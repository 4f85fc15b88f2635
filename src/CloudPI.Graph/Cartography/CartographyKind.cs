namespace CloudPI.Graph.Cartography;

/// <summary>
/// One Cartography node kind and the labels it goes by: the current <c>AWS*</c> label (0.139.1+), the legacy label
/// of older graphs (still written alongside until 1.0.0), and labels that rule a node out because a legacy label
/// is shared (classic ELBs' <c>LoadBalancer</c> is also on ELBv2 nodes).
/// </summary>
public sealed class CartographyKind
{
    private static int s_labelFactSlots;
    private readonly int _labelFactSlot = NextLabelFactSlot();
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

    /// <summary>A slot of its own among a label set's remembered facts (<see cref="PropertyGraph.LabelFact"/>), for a kind
    /// or a set of kinds.</summary>
    internal static int NextLabelFactSlot() => Interlocked.Increment(ref s_labelFactSlots) - 1;
}

/// <summary>
/// Several kinds tested at once (the kinds a balancer forwards to, say): answered once per label set of the graph, as
/// one kind is, rather than kind by kind on every test; sets sit in the analyses' hot loops.
/// </summary>
public sealed class CartographyKindSet
{
    private readonly int _labelFactSlot = CartographyKind.NextLabelFactSlot();
    private readonly CartographyKind[] _kinds;
    private readonly Func<GraphNode, bool> _matchesAny;

    public CartographyKindSet(params CartographyKind[] kinds)
    {
        _kinds = kinds ?? throw new ArgumentNullException(nameof(kinds));
        _matchesAny = MatchesAny;
    }

    public IReadOnlyList<CartographyKind> Kinds => _kinds;

    /// <summary>Whether <paramref name="node"/> is of one of the kinds.</summary>
    public bool AnyMatches(GraphNode node) => node.Graph.LabelFact(node.Index, _labelFactSlot, _matchesAny);

    private bool MatchesAny(GraphNode node)
    {
        foreach (var kind in _kinds)
        {
            if (kind.Matches(node))
            {
                return true;
            }
        }

        return false;
    }
}
