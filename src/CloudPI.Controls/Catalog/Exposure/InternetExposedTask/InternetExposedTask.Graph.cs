using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>internet-exposed-task on the graph: an ECS task the whole internet reaches.</summary>
internal static class InternetExposedTaskOnGraph
{
    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ExposureCheck(InternetExposedTask.Control, CartographyKinds.EcsTask));
}
