using CloudPI.Graph.Cartography;

namespace CloudPI.Analysis.Reachability.Layers;

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

    public static LayerOutcome PublicAddress(string resourceId, IEnumerable<(string Address, string Source)> addresses)
    {
        var found = addresses.DistinctBy(a => a.Address).ToList();
        if (found.Count == 0)
        {
            return LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Denies,
                $"{resourceId} has no public IPv4 address (no public IP, Elastic IP or public ENI address), so the internet cannot address it directly; nothing to change",
                resourceId));
        }

        var described = string.Join(", ", found.Select(a => $"{a.Address} ({a.Source})"));
        return LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Address, resourceId, EvidenceDecision.Allows, $"public address {described}")) with
        {
            Fixes = [new FixCandidate(ReachabilityLayer.Address, $"remove the public address {string.Join(", ", found.Select(a => a.Address))} from {resourceId}")],
        };
    }

    public static IEnumerable<(string Address, string Source)> AddressesOf(NetworkInterface eni)
    {
        var eniId = NetworkTopology.IdOf(eni.Node);
        return eni.ElasticIps.Select(e => (e.PublicIp, $"Elastic IP on {eniId}"))
            .Append((eni.PublicIp, $"public IP of {eniId}"))
            .Concat(eni.PrivateIps.Select(p => (p.PublicIp, $"public IP of {eniId}'s private address {p.PrivateIpAddress}")))
            .Where(a => !string.IsNullOrEmpty(a.Item1))
            .Select(a => (a.Item1!, a.Item2));
    }

    public static IEnumerable<(string Address, string Source)> AddressesOf(Ec2Instance instance) =>
        instance.ElasticIps.Select(e => (e.PublicIp, "Elastic IP"))
            .Append((instance.PublicIpAddress, "publicipaddress"))
            .Where(a => !string.IsNullOrEmpty(a.Item1))
            .Select(a => (a.Item1!, a.Item2))
            .Concat(instance.NetworkInterfaces.SelectMany(AddressesOf));

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
