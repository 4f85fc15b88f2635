namespace CloudPI.Commands;

/// <summary>Dracon's workspace folders under one root, as a local run lays them out.</summary>
public sealed class WorkspaceLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Dracon => Path.Combine(Root, ".dracon");

    public string Producers => Path.Combine(Dracon, "producers");

    public string Enrichers => Path.Combine(Dracon, "enrichers");

    public string Enricher(string name) => Path.Combine(Enrichers, name);

    /// <summary>Empties <c>.dracon/</c> so files of an earlier run cannot leak into this one.</summary>
    public void Reset()
    {
        if (Directory.Exists(Dracon))
        {
            Directory.Delete(Dracon, recursive: true);
        }

        Directory.CreateDirectory(Producers);
        Directory.CreateDirectory(Enrichers);
    }
}
