using CloudPI.Graph.Synthetic;
using CloudPI.Iac.Model;
using static CloudPI.PlannedExposure.PulumiTypes;

namespace CloudPI.PlannedExposure;

/// <summary>
/// Elastic IPs in Cartography's shapes: <c>AWSElasticIPAddress</c> keyed by its address, linked from the instance or
/// network interface it is associated with (<c>ELASTIC_IP_ADDRESS</c>). A new address is allocated at deployment:
/// its value is never decisive, its association is.
/// </summary>
public sealed partial class PulumiOverlay
{
    private void AddElasticIp(IacResource r)
    {
        var id = ManagedServiceId(r)!;
        var address = Node(r, id, SyntheticLabels.ElasticIp, ("allocation_id", r.IsCreated ? id : r.Id),
            ("public_ip", r.Property("publicIp").String ?? (ExistingManagedService(r) is { } live ? _graph.Property(live, "public_ip") as string ?? _graph.IdOf(live) : PublicAddressAtLaunch)));
        if (!r.Inputs["instance"].IsMissing || !r.Inputs["networkInterface"].IsMissing)
        {
            Associate(r, address, id, "instance", "networkInterface");
        }
    }

    private void AssociateElasticIp(IacResource r)
    {
        var target = _stack.Targets(r, "allocationId").FirstOrDefault(t => Normalise(t.Type) == Eip);
        var address = target is not null
            ? _graph.Find(ManagedServiceId(target)!, SyntheticLabels.ElasticIp[0])
            : r.Property("allocationId").String is { } allocation ? _graph.FindBy(SyntheticLabels.ElasticIp[0], "allocation_id", allocation) : null;
        if (address is null)
        {
            if (r.Property("allocationId").IsUnknown || r.Property("publicIp").IsUnknown)
            {
                Unknown(r, "allocationId", r.Urn);
            }

            return;
        }

        Associate(r, address, _graph.IdOf(address), "instanceId", "networkInterfaceId");
    }

    /// <summary>An address is associated with one instance or interface at a time: the new association replaces the old.</summary>
    private void Associate(IacResource r, string address, string addressId, string instanceProperty, string interfaceProperty)
    {
        _graph.UnlinkInto("ELASTIC_IP_ADDRESS", address, (_, _) => true);
        var holder = r.Property(instanceProperty).IsMissing
            ? Ref(r, interfaceProperty, addressId, SyntheticLabels.NetworkInterface)
            : Ref(r, instanceProperty, addressId, SyntheticLabels.Instance);
        if (holder is not null)
        {
            _graph.Link("ELASTIC_IP_ADDRESS", holder, address);
            Changed(_graph.IdOf(holder), r);
        }
    }

    private void RemoveElasticIp(IacResource r, string type)
    {
        var address = type == Eip
            ? ExistingManagedService(r)
            : r.Property("allocationId").String is { } allocation ? _graph.FindBy(SyntheticLabels.ElasticIp[0], "allocation_id", allocation) : null;
        if (address is null)
        {
            return;
        }

        foreach (var holder in _graph.Into("ELASTIC_IP_ADDRESS", address))
        {
            Changed(_graph.IdOf(holder), r);
        }

        _graph.UnlinkInto("ELASTIC_IP_ADDRESS", address, (_, _) => true);
        if (type == Eip)
        {
            _graph.Remove(address);
        }
    }
}
