using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Redshift;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>redshift-cluster-public-access-check on the graph: a Redshift cluster marked publicly accessible.</summary>
internal static class RedshiftClusterPublicAccessCheckOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(RedshiftClusterPublicAccessCheck.Control, CartographyKinds.RedshiftCluster, n => n.Properties.GetBool("publicly_accessible") == true ? "publicly_accessible = true" : null));
}
