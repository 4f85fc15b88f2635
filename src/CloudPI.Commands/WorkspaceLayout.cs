namespace CloudPI.Commands;

/// <summary>Dracon's workspace folders under one root, as a local run lays them out.</summary>
public sealed class WorkspaceLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Dracon => Path.Combine(Root, ".dracon");

    public string Producers => Path.Combine(Dracon, "producers");

    public string Enrichers => Path.Combine(Dracon, "enrichers");

    public string Enricher(string name) => Path.Combine(Enrichers, name);

    /// <summary>
    /// Takes the workspace for this process (an exclusive lock on <c>.cloudpi-scan.lock</c> under the root, released
    /// when disposed or when the process dies): a second scan on the same directory would delete the first's files.
    /// </summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, ".cloudpi-scan.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new IOException($"{Root}: another scan is writing this directory ({path} is held); wait for it or choose another --out", ex);
        }
    }

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
