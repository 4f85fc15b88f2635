using System.Text;
using CloudPI.Graph.Apoc;

namespace CloudPI.Graph.Tests;

/// <summary>Helpers to read APOC text and to own a temporary directory.</summary>
internal static class Apoc
{
    public static PropertyGraph Parse(params string[] lines) =>
        ApocJsonLinesReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "graph.json");

    public static byte[] Write(PropertyGraph graph)
    {
        using var buffer = new MemoryStream();
        ApocJsonLinesWriter.Write(graph, buffer);
        return buffer.ToArray();
    }
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloudpi-graph-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
