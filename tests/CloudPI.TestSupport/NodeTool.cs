namespace CloudPI.TestSupport;

/// <summary>
/// Runs a Node.js tool of the repository (tools/&lt;name&gt;), installing its locked npm dependencies on first use.
/// Tests that need it skip with a reason when node or npm is missing, except in CI, where they fail.
/// </summary>
public static class NodeTool
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Why the tool cannot run here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (!ExternalProcess.IsOnPath("node") || !ExternalProcess.IsOnPath("npm"))
        {
            return "Node.js and npm are not on PATH";
        }

        return null;
    }

    public static async Task<string> RunAsync(string tool, string script, string stdin, IEnumerable<string>? arguments = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(RepoPaths.Root, "tools", tool);
        await EnsureInstalledAsync(directory, cancellationToken).ConfigureAwait(false);
        var (exitCode, output, error) = await ExternalProcess.RunAsync("node", [script, .. arguments ?? []], directory, stdin, cancellationToken: cancellationToken).ConfigureAwait(false);
        return exitCode == 0 ? output : throw new InvalidOperationException($"node {script} failed ({exitCode}): {error}");
    }

    private static async Task EnsureInstalledAsync(string directory, CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(Path.Combine(directory, "node_modules")))
            {
                return;
            }

            var (exitCode, _, error) = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {directory} failed ({exitCode}): {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
