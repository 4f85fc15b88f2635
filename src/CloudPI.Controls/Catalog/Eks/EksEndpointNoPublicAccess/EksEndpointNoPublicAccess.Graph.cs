using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Eks;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>eks-endpoint-no-public-access on the graph: an EKS cluster whose API endpoint is public.</summary>
internal static class EksEndpointNoPublicAccessOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(EksEndpointNoPublicAccess.Control, CartographyKinds.EksCluster, n => n.Properties.GetBool("endpoint_public_access") == true ? "endpoint_public_access = true" : null));
}
