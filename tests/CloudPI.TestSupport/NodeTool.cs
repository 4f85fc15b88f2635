using System.Diagnostics;

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
        if (Which("node") is null || Which("npm") is null)
        {
            return "Node.js and npm are not on PATH";
        }

        return null;
    }

    public static async Task<string> RunAsync(string tool, string script, string stdin, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(RepoPaths.Root, "tools", tool);
        await EnsureInstalledAsync(directory, cancellationToken).ConfigureAwait(false);
        var (exitCode, output, error) = await ExecAsync("node", [script], directory, stdin, cancellationToken).ConfigureAwait(false);
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

            var (exitCode, _, error) = await ExecAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, null, cancellationToken).ConfigureAwait(false);
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

    private static async Task<(int ExitCode, string Output, string Error)> ExecAsync(
        string file, IEnumerable<string> arguments, string directory, string? stdin, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
