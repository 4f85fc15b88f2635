namespace CloudPI.Graph.Synthetic;

/// <summary>
/// What the generator meant one workload resource to be: internet-exposed or not, and why. Analyses are tested
/// against these. <see cref="CartographyFlagsIt"/> says whether Cartography's own exposure rules would agree.
/// </summary>
public sealed record SyntheticExpectation(
    string Archetype,
    string ResourceId,
    string Label,
    bool InternetExposed,
    bool CartographyFlagsIt,
    string Reason);

/// <summary>A generated account (or organisation): the graph, its first account id, and the documented truth about each workload.</summary>
public sealed record SyntheticAccount(
    PropertyGraph Graph,
    string AccountId,
    int ResourceCount,
    int VpcCount,
    IReadOnlyList<SyntheticExpectation> Expectations)
{
    /// <summary>Every account of the graph, <see cref="AccountId"/> first.</summary>
    public IReadOnlyList<string> AccountIds { get; init; } = [AccountId];
}
