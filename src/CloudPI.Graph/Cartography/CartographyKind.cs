namespace CloudPI.Graph.Cartography;

/// <summary>
/// One Cartography node kind and the labels it goes by: the current <c>AWS*</c> label (0.139.1+), the legacy label
/// of older graphs (still written alongside until 1.0.0), and labels that rule a node out because a legacy label
/// is shared (classic ELBs' <c>LoadBalancer</c> is also on ELBv2 nodes).
/// </summary>
public sealed class CartographyKind
{
    internal CartographyKind(string currentLabel, string? legacyLabel = null, params string[] excludedLabels)
    {
        CurrentLabel = currentLabel;
        LegacyLabel = legacyLabel;
        ExcludedLabels = excludedLabels;
    }

    public string CurrentLabel { get; }

    public string? LegacyLabel { get; }

    public IReadOnlyList<string> ExcludedLabels { get; }

    /// <summary>The labels that identify this kind, current first.</summary>
    public IEnumerable<string> Labels => LegacyLabel is null ? [CurrentLabel] : [CurrentLabel, LegacyLabel];

    public bool Matches(GraphNode node) =>
        (node.HasLabel(CurrentLabel) || (LegacyLabel is not null && node.HasLabel(LegacyLabel)))
        && !ExcludedLabels.Any(node.HasLabel);

    public override string ToString() => CurrentLabel;
}
