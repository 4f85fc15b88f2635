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

    // "running", as nearly every instance is, answered before hashing the state ignoring case.
    public static LayerOutcome InstanceState(string resourceId, string? state) => state is not null and not "running" && NotRunning.Contains(state)
        ? LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.State, resourceId, EvidenceDecision.Denies, $"{resourceId} is {state}: nothing answers now", resourceId))
        : LayerOutcome.Open();

    public static LayerOutcome TaskState(string resourceId, string? lastStatus) =>
        string.Equals(lastStatus, "STOPPED", StringComparison.OrdinalIgnoreCase) ? InstanceState(resourceId, "stopped") : LayerOutcome.Open();

    /// <summary>
    /// The families the internet can address the resource in: public IPv4 sources when it has a public IPv4
    /// address, public IPv6 sources when it has a global IPv6 address (every VPC IPv6 address is one).
    /// </summary>
    public static LayerOutcome PublicAddress(string resourceId, IReadOnlyList<(string Address, AddressSource Source)> addresses)
    {
        // Most endpoints have no address or one: answered without a list.
        if (addresses.Count <= 1)
        {
            var family = addresses.Count == 0 ? AddressSet.Empty : AddressSet.PublicFamilyOf(addresses[0].Address);
            return family.IsEmpty ? NoPublicAddress(resourceId) : Addressed(resourceId, family, Describe(addresses[0], resourceId));
        }

        // Loops, not a query or closures: this runs once for every endpoint of every resource analysed.
        var found = new List<(string Address, AddressSource Source)>(addresses.Count);
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

        return found.Count == 0 ? NoPublicAddress(resourceId)
            : Addressed(resourceId, sources, found.Count == 1 ? Describe(found[0], resourceId) : Describe(found, resourceId));
    }

    private static LayerOutcome NoPublicAddress(string resourceId) =>
        LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Denies,
            $"{resourceId} has no public IPv4 address (no public IP, Elastic IP or public ENI address) and no global IPv6 address, so the internet cannot address it directly; nothing to change",
            resourceId));

    private static LayerOutcome Addressed(string resourceId, AddressSet sources, (string Described, string Removed) text) =>
        new(sources, sources, [new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Allows, text.Described)])
        {
            Fixes = [new FixCandidate(ReachabilityLayer.Address, text.Removed)],
        };

    private const string Described = "public address ";

    /// <summary>The usual single address, each text written once: builders would allocate their chunks for every endpoint.</summary>
    private static (string Described, string Removed) Describe((string Address, AddressSource Source) found, string resourceId) =>
        (string.Create(Described.Length + found.Address.Length + 2 + found.Source.Length + 1, found, static (chars, found) =>
        {
            Described.CopyTo(chars);
            var at = Described.Length;
            found.Address.CopyTo(chars[at..]);
            at += found.Address.Length;
            " (".CopyTo(chars[at..]);
            at += 2 + found.Source.CopyTo(chars[(at + 2)..]);
            chars[at] = ')';
        }),
        string.Concat("remove the public address ", found.Address, " from ", resourceId));

    private static (string Described, string Removed) Describe(List<(string Address, AddressSource Source)> found, string resourceId)
    {
        var described = new StringBuilder(Described, capacity: 64 * found.Count);
        var removed = new StringBuilder("remove the public address ", capacity: 64 + (48 * found.Count) + resourceId.Length);
        for (var i = 0; i < found.Count; i++)
        {
            var separator = i == 0 ? "" : ", ";
            described.Append(separator).Append(found[i].Address).Append(" (");
            found[i].Source.AppendTo(described).Append(')');
            removed.Append(separator).Append(found[i].Address);
        }

        return (described.ToString(), removed.Append(" from ").Append(resourceId).ToString());
    }

    /// <summary>Whether <paramref name="addresses"/> lists <paramref name="address"/> (a loop: a predicate would allocate its closure).</summary>
    public static bool IsListed(List<(string Address, AddressSource Source)> addresses, string address, StringComparison comparison = StringComparison.Ordinal)
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

    public static List<(string Address, AddressSource Source)> AddressesOf(NetworkInterface eni)
    {
        // The list is made with the first address (most interfaces have none, the rest one or two), and a source's text
        // is written only when its address is described.
        List<(string Address, AddressSource Source)>? addresses = null;
        var eniId = NetworkTopology.IdOf(eni.Node);
        foreach (var elastic in eni.ElasticIps)
        {
            if (!string.IsNullOrEmpty(elastic.PublicIp))
            {
                (addresses ??= new(2)).Add((elastic.PublicIp, new("Elastic IP on ", eniId)));
            }
        }

        if (eni.PublicIp is { Length: > 0 } publicIp)
        {
            (addresses ??= new(2)).Add((publicIp, new("public IP of ", eniId)));
        }

        foreach (var privateIp in eni.PrivateIps)
        {
            if (!string.IsNullOrEmpty(privateIp.PublicIp))
            {
                (addresses ??= new(2)).Add((privateIp.PublicIp, new("public IP of ", eniId, "'s private address ", privateIp.PrivateIpAddress)));
            }
        }

        foreach (var ipv6 in eni.Ipv6Addresses)
        {
            if (!string.IsNullOrEmpty(ipv6.Address))
            {
                (addresses ??= new(2)).Add((ipv6.Address, new("IPv6 address of ", eniId)));
            }
        }

        return addresses ?? [];
    }

    /// <summary>The instance's own address properties and Elastic IPs (its primary interface's, in Cartography's data).</summary>
    public static List<(string Address, AddressSource Source, string? InterfaceId)> InstanceLevelAddressesOf(Ec2Instance instance)
    {
        List<(string Address, AddressSource Source, string? InterfaceId)>? addresses = null; // most instances have none
        foreach (var elastic in instance.ElasticIps)
        {
            if (!string.IsNullOrEmpty(elastic.PublicIp))
            {
                (addresses ??= new(2)).Add((elastic.PublicIp, new("Elastic IP"), elastic.NetworkInterfaceId));
            }
        }

        if (!string.IsNullOrEmpty(instance.PublicIpAddress))
        {
            (addresses ??= new(2)).Add((instance.PublicIpAddress, new("publicipaddress"), null));
        }

        if (!string.IsNullOrEmpty(instance.Ipv6Address))
        {
            (addresses ??= new(2)).Add((instance.Ipv6Address, new("ipv6address"), null));
        }

        return addresses ?? [];
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

/// <summary>
/// Where a public address comes from, as the evidence names it (<c>public IP of eni-1</c>): up to four parts, joined
/// only into the description of an address found public, rather than into a string for every address of every
/// interface analysed.
/// </summary>
internal readonly record struct AddressSource(string First, string? Second = null, string? Third = null, string? Fourth = null)
{
    /// <summary>An instance's own address property, said to be the instance's (<c>publicipaddress of i-1</c>).</summary>
    public AddressSource Of(string resourceId) => Second is null ? new(First, " of ", resourceId) : new(ToString(), " of ", resourceId);

    public int Length => First.Length + (Second?.Length ?? 0) + (Third?.Length ?? 0) + (Fourth?.Length ?? 0);

    /// <summary>Writes the text at the start of <paramref name="chars"/>; returns its length.</summary>
    public int CopyTo(Span<char> chars)
    {
        var at = 0;
        foreach (var part in (ReadOnlySpan<string?>)[First, Second, Third, Fourth])
        {
            if (part is not null)
            {
                part.CopyTo(chars[at..]);
                at += part.Length;
            }
        }

        return at;
    }

    public StringBuilder AppendTo(StringBuilder text) => text.Append(First).Append(Second).Append(Third).Append(Fourth);

    public override string ToString() => string.Concat(First, Second, Third, Fourth);
}
