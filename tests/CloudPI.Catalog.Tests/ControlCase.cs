namespace CloudPI.Catalog.Tests;

/// <summary>What every evaluator of a control must conclude about one intent.</summary>
public enum Expected
{
    Pass,
    Fail,
}

/// <summary>
/// One intent written for each evaluator that can see it: as a Cartography subgraph (with the id of the node judged)
/// and as Pulumi resources (with the name of the resource judged). A side left null is an intent that evaluator
/// cannot express (Cartography does not ingest IPv6 security group ranges, a preview has no running task).
/// <paramref name="Exploitable"/>, when set, is what the exploitability analysis concludes about a finding of the
/// control on the subgraph's node, with the reachability the enricher computes for it; a control no graph check
/// decides may still carry a subgraph for that alone.
/// </summary>
internal sealed record ControlCase(
    string Name,
    Expected Expected,
    Func<CartographyGraph, CartographyGraph>? Graph = null,
    string GraphResource = "",
    Func<PreviewBuilder, PreviewBuilder>? Pulumi = null,
    string PulumiResource = "",
    ExploitabilityStatus? Exploitable = null)
{
    public override string ToString() => Name;
}

/// <summary>The shared cases of one control; each control folder under the catalog holds one implementation.</summary>
internal interface IControlCases
{
    string ControlId { get; }

    IReadOnlyList<ControlCase> Cases { get; }
}
