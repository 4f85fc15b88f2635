using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>internet-exposed-load-balancer on the graph: a load balancer (v2 or classic) the whole internet reaches.</summary>
internal static class InternetExposedLoadBalancerOnGraph
{
    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ExposureCheck(InternetExposedLoadBalancer.Control, CartographyKinds.LoadBalancerV2, CartographyKinds.LoadBalancer));
}
