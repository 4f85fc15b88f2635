using System.Diagnostics;

namespace CloudPI.Bench;

/// <summary>
/// Runs one benchmark of this program again in a fresh process: peak working set is per process, and generating the
/// input in the parent would inflate it.
/// </summary>
internal static class BenchChild
{
    /// <summary>The child's output lines, without the "== name" banner.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string benchmark, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchChild).Assembly.Location);
        }

        start.ArgumentList.Add(benchmark);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"benchmark child '{benchmark}' exited {child.ExitCode}: {await error}");
        }

        return (await output).Split('\n').Where(l => l.Length > 0 && !l.StartsWith("==", StringComparison.Ordinal)).ToList();
    }
}
