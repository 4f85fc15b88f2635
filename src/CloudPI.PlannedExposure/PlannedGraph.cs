using CloudPI.Graph;
using CloudPI.Iac.Model;

namespace CloudPI.PlannedExposure;

/// <summary>How a value Pulumi knows only at deployment is filled in: the most open or the most closed it could be.</summary>
public enum UnknownResolution
{
    Widest,
    Narrowest,
}

/// <summary>A property of a Pulumi resource known only at deployment, and the Cartography node whose shape it decides.</summary>
public sealed record UnknownValue(IacResource Resource, string Property, string NodeId)
{
    public override string ToString() => $"{Resource.Type} {Resource.Name}: {Property} is unknown before deployment";
}

/// <summary>
/// The live graph with a preview applied: which Pulumi resource created and which first changed each node (by
/// Cartography id), which values were unknown, and which changed resources the overlay does not model.
/// </summary>
public sealed record PlannedGraph(
    PropertyGraph Graph,
    IReadOnlyDictionary<string, IacResource> CreatedBy,
    IReadOnlyDictionary<string, IacResource> ChangedBy,
    IReadOnlyList<UnknownValue> Unknowns,
    IReadOnlyList<IacResource> NotModelled);
