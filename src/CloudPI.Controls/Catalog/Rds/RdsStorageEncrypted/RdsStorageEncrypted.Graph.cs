using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Rds;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>rds-storage-encrypted on the graph: an RDS instance whose storage is not encrypted.</summary>
internal static class RdsStorageEncryptedOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(RdsStorageEncrypted.Control, CartographyKinds.RdsInstance, n => n.Properties.GetBool("storage_encrypted") == false ? "storage_encrypted = false" : null));
}
