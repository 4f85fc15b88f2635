using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>The resources that refer to one target (policies of a bucket, flow logs of a VPC), and whether any might.</summary>
internal sealed record RelatedResources(IReadOnlyList<IacResource> Linked, IReadOnlyList<IacResource> Undecided)
{
    public static RelatedResources Find(IacStack stack, IacResource target, string property, params string[] types)
    {
        var referrers = stack.Referrers(target, property, types).ToList();
        return new(
            referrers.Where(r => r.State == LinkState.Linked).Select(r => r.Resource).ToList(),
            referrers.Where(r => r.State == LinkState.Unknown).Select(r => r.Resource).ToList());
    }

    public bool Any => Linked.Count > 0;

    public bool AnyUndecided => Undecided.Count > 0;
}
