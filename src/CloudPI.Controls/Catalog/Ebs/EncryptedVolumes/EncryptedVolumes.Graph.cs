using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Ebs;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>encrypted-volumes on the graph: an EBS volume Cartography reads as unencrypted.</summary>
internal static class EncryptedVolumesOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(EncryptedVolumes.Control, CartographyKinds.EbsVolume, n => n.Properties.GetBool("encrypted") == false ? "encrypted = false" : null));
}
