using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Rds;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>rds-instance-deletion-protection-enabled on the graph: an RDS instance without deletion protection.</summary>
internal static class RdsInstanceDeletionProtectionEnabledOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        // Cartography writes deletion_protection for every instance it syncs; absent means not synced, so not decided.
        GraphCheckCatalog.Register(new PropertyCheck(RdsInstanceDeletionProtectionEnabled.Control, CartographyKinds.RdsInstance, n => n.Properties.GetBool("deletion_protection") == false ? "deletion_protection = false" : null));
}
