using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>internet-exposed-cluster on the graph: an EKS cluster the whole internet reaches.</summary>
internal static class InternetExposedClusterOnGraph
{
    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ExposureCheck(InternetExposedCluster.Control, CartographyKinds.EksCluster));
}
