namespace CloudPI.Graph.Cartography;

/// <summary>Which AWS account a node belongs to, as Cartography records it.</summary>
public static class Ownership
{
    /// <summary>The id of the <c>AWSAccount</c> whose <c>RESOURCE</c> edge points at <paramref name="node"/>, or null.</summary>
    public static string? AccountOf(GraphNode node) =>
        node.Neighbors("RESOURCE", Direction.Incoming).Where(CartographyKinds.Account.Matches).Select(a => a.Id).FirstOrDefault();

    /// <summary>Whether two nodes may belong to one account: the same owner, or either has none recorded.</summary>
    public static bool SameAccount(string? first, string? second) => first is null || second is null || first == second;
}
