using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Rds;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>rds-instance-public-access-check on the graph: an RDS instance marked publicly accessible.</summary>
internal static class RdsInstancePublicAccessCheckOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(RdsInstancePublicAccessCheck.Control, CartographyKinds.RdsInstance, n => n.Properties.GetBool("publicly_accessible") == true ? "publicly_accessible = true" : null));
}
