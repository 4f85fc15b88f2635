using System.Text;
using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// Whether the internet has anything to connect to: a running resource with a public address, a publicly
/// accessible database, an internet-facing balancer.
/// </summary>
internal static class AddressLayer
{
    private static readonly HashSet<string> NotRunning = new(StringComparer.OrdinalIgnoreCase) { "stopped", "stopping", "terminated", "shutting-down" };

    public static LayerOutcome InstanceState(string resourceId, string? state) => state is not null && NotRunning.Contains(state)
        ? LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.State, resourceId, EvidenceDecision.Denies, $"{resourceId} is {state}: nothing answers now", resourceId))
        : LayerOutcome.Open();

    public static LayerOutcome TaskState(string resourceId, string? lastStatus) =>
        string.Equals(lastStatus, "STOPPED", StringComparison.OrdinalIgnoreCase) ? InstanceState(resourceId, "stopped") : LayerOutcome.Open();

    /// <summary>
    /// The families the internet can address the resource in: public IPv4 sources when it has a public IPv4
    /// address, public IPv6 sources when it has a global IPv6 address (every VPC IPv6 address is one).
    /// </summary>
    public static LayerOutcome PublicAddress(string resourceId, IReadOnlyList<(string Address, string Source)> addresses)
    {
        // Loops, not a query or closures: this runs once for every endpoint of every resource analysed.
        var found = new List<(string Address, string Source)>(addresses.Count);
        var sources = AddressSet.Empty;
        for (var i = 0; i < addresses.Count; i++)
        {
            var (address, source) = addresses[i];
            var family = AddressSet.PublicFamilyOf(address); // the internet sources that can address it, or none
            if (family.IsEmpty || IsListed(found, address))
            {
                continue; // an address listed twice keeps its first source; a family is the address's, so its first listing decides
            }

            found.Add((address, source));
            sources = sources.Union(family);
        }

        if (found.Count == 0)
        {
            return LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Denies,
                $"{resourceId} has no public IPv4 address (no public IP, Elastic IP or public ENI address) and no global IPv6 address, so the internet cannot address it directly; nothing to change",
                resourceId));
        }

        var (described, removed) = found.Count == 1 ? Describe(found[0], resourceId) : Describe(found, resourceId);
        return new LayerOutcome(sources, sources, [new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Allows, described)])
        {
            Fixes = [new FixCandidate(ReachabilityLayer.Address, removed)],
        };
    }

    /// <summary>The usual single address, each text written once: builders would allocate their chunks for every endpoint.</summary>
    private static (string Described, string Removed) Describe((string Address, string Source) found, string resourceId) =>
        (string.Concat("public address ", found.Address, " (", found.Source, ")"), string.Concat("remove the public address ", found.Address, " from ", resourceId));

    private static (string Described, string Removed) Describe(List<(string Address, string Source)> found, string resourceId)
    {
        var described = new StringBuilder("public address ", capacity: 64 * found.Count);
        var removed = new StringBuilder("remove the public address ", capacity: 64 + (48 * found.Count) + resourceId.Length);
        for (var i = 0; i < found.Count; i++)
        {
            var separator = i == 0 ? "" : ", ";
            described.Append(separator).Append(found[i].Address).Append(" (").Append(found[i].Source).Append(')');
            removed.Append(separator).Append(found[i].Address);
        }

        return (described.ToString(), removed.Append(" from ").Append(resourceId).ToString());
    }

    /// <summary>Whether <paramref name="addresses"/> lists <paramref name="address"/> (a loop: a predicate would allocate its closure).</summary>
    public static bool IsListed(List<(string Address, string Source)> addresses, string address, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var (listed, _) in addresses)
        {
            if (string.Equals(listed, address, comparison))
            {
                return true;
            }
        }

        return false;
    }

    public static List<(string Address, string Source)> AddressesOf(NetworkInterface eni)
    {
        // Each source is described only for an address that exists: most private addresses have no public IP.
        var addresses = new List<(string Address, string Source)>();
        var eniId = NetworkTopology.IdOf(eni.Node);
        foreach (var elastic in eni.ElasticIps)
        {
            if (!string.IsNullOrEmpty(elastic.PublicIp))
            {
                addresses.Add((elastic.PublicIp, $"Elastic IP on {eniId}"));
            }
        }

        if (eni.PublicIp is { Length: > 0 } publicIp)
        {
            addresses.Add((publicIp, $"public IP of {eniId}"));
        }

        foreach (var privateIp in eni.PrivateIps)
        {
            if (!string.IsNullOrEmpty(privateIp.PublicIp))
            {
                addresses.Add((privateIp.PublicIp, $"public IP of {eniId}'s private address {privateIp.PrivateIpAddress}"));
            }
        }

        foreach (var ipv6 in eni.Ipv6Addresses)
        {
            if (!string.IsNullOrEmpty(ipv6.Address))
            {
                addresses.Add((ipv6.Address, $"IPv6 address of {eniId}"));
            }
        }

        return addresses;
    }

    /// <summary>The instance's own address properties and Elastic IPs (its primary interface's, in Cartography's data).</summary>
    public static List<(string Address, string Source, string? InterfaceId)> InstanceLevelAddressesOf(Ec2Instance instance)
    {
        var addresses = new List<(string Address, string Source, string? InterfaceId)>();
        foreach (var elastic in instance.ElasticIps)
        {
            if (!string.IsNullOrEmpty(elastic.PublicIp))
            {
                addresses.Add((elastic.PublicIp, "Elastic IP", elastic.NetworkInterfaceId));
            }
        }

        if (!string.IsNullOrEmpty(instance.PublicIpAddress))
        {
            addresses.Add((instance.PublicIpAddress, "publicipaddress", null));
        }

        if (!string.IsNullOrEmpty(instance.Ipv6Address))
        {
            addresses.Add((instance.Ipv6Address, "ipv6address", null));
        }

        return addresses;
    }

    /// <summary>RDS and Redshift: <c>publicly_accessible</c> gives the endpoint a public address.</summary>
    public static LayerOutcome PubliclyAccessible(string resourceId, bool publiclyAccessible) => publiclyAccessible
        ? LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Allows, "publicly_accessible: the endpoint resolves to a public address"))
            with { Fixes = [new FixCandidate(ReachabilityLayer.Address, $"set publicly_accessible to false on {resourceId}")] }
        : LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Denies,
            "not publicly accessible: the endpoint has only a private address", resourceId));

    public static LayerOutcome InternetFacing(string resourceId, bool internetFacing) => internetFacing
        ? LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Allows, "scheme internet-facing"))
        : LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Denies, "scheme internal: no public address", resourceId));
}
