using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>internet-exposed-function on the graph: a Lambda function the whole internet reaches.</summary>
internal static class InternetExposedFunctionOnGraph
{
    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ExposureCheck(InternetExposedFunction.Control, CartographyKinds.Lambda));
}
