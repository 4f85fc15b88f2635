using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Ec2;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>ec2-imdsv2-check on the graph: an instance that still accepts IMDSv1.</summary>
internal static class Ec2Imdsv2CheckOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(Ec2Imdsv2Check.Control, CartographyKinds.Ec2Instance, n => string.Equals(n.Properties.GetString("metadatahttptokens"), "optional", StringComparison.OrdinalIgnoreCase) ? "metadatahttptokens = optional (IMDSv1 accepted)" : null));
}
