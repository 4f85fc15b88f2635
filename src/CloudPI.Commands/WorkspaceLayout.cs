namespace CloudPI.Commands;

/// <summary>Dracon's workspace folders under one root, as a local run lays them out.</summary>
public sealed class WorkspaceLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Dracon => Path.Combine(Root, ".dracon");

    public string Producers => Path.Combine(Dracon, "producers");

    public string Enrichers => Path.Combine(Dracon, "enrichers");

    public string Enricher(string name) => Path.Combine(Enrichers, name);

    /// <summary>The report files a scan writes beside the workspace.</summary>
    public IReadOnlyList<string> Reports => [Path.Combine(Root, "report.md"), Path.Combine(Root, "report.html")];

    /// <summary>
    /// Empties <c>.dracon/</c> and removes the earlier report, so files of an earlier run can neither leak into this
    /// one nor stand beside a workspace this run failed to finish.
    /// </summary>
    public void Reset()
    {
        if (Directory.Exists(Dracon))
        {
            Directory.Delete(Dracon, recursive: true);
        }

        foreach (var report in Reports.Where(File.Exists))
        {
            File.Delete(report);
        }

        Directory.CreateDirectory(Producers);
        Directory.CreateDirectory(Enrichers);
    }
}
