using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>internet-exposed-instance on the graph: an EC2 instance the whole internet reaches.</summary>
internal static class InternetExposedInstanceOnGraph
{
    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ExposureCheck(InternetExposedInstance.Control, CartographyKinds.Ec2Instance));
}
