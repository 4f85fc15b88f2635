using CloudPI.Analysis.Reachability;
using CloudPI.Controls;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// Controls the graph decides from one node's own properties, declared as data: the kind, the failing condition
/// and how to say what was found. Properties the graph does not hold are not guessed: a node without the property
/// does not fail (except where Cartography leaves a false flag absent, noted per check).
/// </summary>
public sealed class PropertyCheck(string controlId, CartographyKind kind, Func<GraphNode, string?> failure) : IGraphCheck
{
    public static IReadOnlyList<IGraphCheck> All { get; } =
    [
        new PropertyCheck("encrypted-volumes", CartographyKinds.EbsVolume, n => n.Properties.GetBool("encrypted") == false ? "encrypted = false" : null),
        // Cartography writes deletion_protection for every instance it syncs; absent means not synced, so not decided.
        new PropertyCheck("rds-instance-deletion-protection-enabled", CartographyKinds.RdsInstance, n => n.Properties.GetBool("deletion_protection") == false ? "deletion_protection = false" : null),
        new PropertyCheck("rds-instance-public-access-check", CartographyKinds.RdsInstance, n => n.Properties.GetBool("publicly_accessible") == true ? "publicly_accessible = true" : null),
        new PropertyCheck("rds-storage-encrypted", CartographyKinds.RdsInstance, n => n.Properties.GetBool("storage_encrypted") == false ? "storage_encrypted = false" : null),
        new PropertyCheck("redshift-cluster-public-access-check", CartographyKinds.RedshiftCluster, n => n.Properties.GetBool("publicly_accessible") == true ? "publicly_accessible = true" : null),
        new PropertyCheck("ec2-imdsv2-check", CartographyKinds.Ec2Instance, n => string.Equals(n.Properties.GetString("metadatahttptokens"), "optional", StringComparison.OrdinalIgnoreCase) ? "metadatahttptokens = optional (IMDSv1 accepted)" : null),
        new PropertyCheck("ec2-instance-no-public-ip", CartographyKinds.Ec2Instance, n => n.Properties.GetString("publicipaddress") is { Length: > 0 } ip ? $"publicipaddress = {ip}" : null),
        new PropertyCheck("eks-endpoint-no-public-access", CartographyKinds.EksCluster, n => n.Properties.GetBool("endpoint_public_access") == true ? "endpoint_public_access = true" : null),
        new PropertyCheck("s3-bucket-public-read-prohibited", CartographyKinds.S3Bucket, n => PublicActions(n, "Get", "List") is { } actions ? $"anonymous access allows {actions}" : null),
        new PropertyCheck("s3-bucket-public-write-prohibited", CartographyKinds.S3Bucket, n => PublicActions(n, "Put", "Delete") is { } actions ? $"anonymous access allows {actions}" : null),
        new PropertyCheck("sqs-queue-no-public-access", CartographyKinds.SqsQueue, n => QueuePolicy.PublicStatement(n.Properties.GetString("policy"))),
        // Cartography does not store the service's assignPublicIp: what it produces is in the graph, a running task
        // whose interface holds a public address.
        new PropertyCheck("ecs-service-assign-public-ip-disabled", CartographyKinds.EcsService, TaskPublicAddress),
    ];

    public Control Control { get; } = ControlCatalog.Default.Resolve(controlId) ?? throw new ArgumentException($"no control {controlId}", nameof(controlId));

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var node in view.NodesOf(kind))
        {
            if (failure(node) is { } detail)
            {
                yield return new GraphFinding(Control, node, detail);
            }
        }
    }

    private static string? TaskPublicAddress(GraphNode service) =>
        EcsService.Wrap(service).Tasks
            .Where(t => string.Equals(t.LastStatus ?? "RUNNING", "RUNNING", StringComparison.OrdinalIgnoreCase))
            .SelectMany(t => t.NetworkInterfaces.Select(eni => (Task: t, Eni: eni, Ip: eni.Node.Properties.GetString("public_ip"))))
            .Where(x => x.Ip is { Length: > 0 })
            .Select(x => $"task {x.Task.Node.Id}'s interface {x.Eni.Node.Id} has public IP {x.Ip} (assignPublicIp ENABLED)")
            .FirstOrDefault();

    /// <summary>The anonymous actions of a bucket starting with any of <paramref name="verbs"/> (s3:GetObject...).</summary>
    private static string? PublicActions(GraphNode bucket, params string[] verbs)
    {
        if (bucket.Properties.GetBool("anonymous_access") != true)
        {
            return null;
        }

        var actions = bucket.Properties.GetStringList("anonymous_actions")
            .Where(a => a == "*" || a == "s3:*" || verbs.Any(v => a.StartsWith("s3:" + v, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return actions.Count > 0 ? string.Join(", ", actions) : null;
    }
}
