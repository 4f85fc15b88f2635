namespace CloudPI.Graph.Cartography;

/// <summary>Which AWS account a node belongs to, as Cartography records it.</summary>
public static class Ownership
{
    /// <summary>The id of the <c>AWSAccount</c> whose <c>RESOURCE</c> edge points at <paramref name="node"/>, or null.</summary>
    public static string? AccountOf(GraphNode node)
    {
        // A loop, not a query: identity analysis asks this of every data store a role might reach.
        foreach (var owner in node.Neighbors("RESOURCE", Direction.Incoming))
        {
            if (CartographyKinds.Account.Matches(owner))
            {
                return owner.Id;
            }
        }

        return null;
    }

    /// <summary>Whether two nodes may belong to one account: the same owner, or either has none recorded.</summary>
    public static bool SameAccount(string? first, string? second) => first is null || second is null || first == second;
}
