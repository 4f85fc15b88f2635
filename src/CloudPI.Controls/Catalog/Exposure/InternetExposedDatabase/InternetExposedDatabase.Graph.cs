using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>internet-exposed-database on the graph: an RDS instance or Redshift cluster the whole internet reaches.</summary>
internal static class InternetExposedDatabaseOnGraph
{
    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ExposureCheck(InternetExposedDatabase.Control, CartographyKinds.RdsInstance, CartographyKinds.RedshiftCluster));
}
