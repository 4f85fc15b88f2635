using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Ecs;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// ecs-service-assign-public-ip-disabled on the graph. Cartography does not store the service's assignPublicIp:
/// what it produces is in the graph, a running task whose interface holds a public address.
/// </summary>
internal static class EcsServiceAssignPublicIpDisabledOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(EcsServiceAssignPublicIpDisabled.Control, CartographyKinds.EcsService, TaskPublicAddress));

    private static string? TaskPublicAddress(GraphNode service) =>
        EcsService.Wrap(service).Tasks
            .Where(t => string.Equals(t.LastStatus ?? "RUNNING", "RUNNING", StringComparison.OrdinalIgnoreCase))
            .SelectMany(t => t.NetworkInterfaces.Select(eni => (Task: t, Eni: eni, Ip: eni.Node.Properties.GetString("public_ip"))))
            .Where(x => x.Ip is { Length: > 0 })
            .Select(x => $"task {x.Task.Node.Id}'s interface {x.Eni.Node.Id} has public IP {x.Ip} (assignPublicIp ENABLED)")
            .FirstOrDefault();
}
