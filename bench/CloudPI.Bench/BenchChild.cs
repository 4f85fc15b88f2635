using System.Diagnostics;

namespace CloudPI.Bench;

/// <summary>
/// Runs one benchmark of this program again in a fresh process: peak working set is per process, and generating the
/// input in the parent would inflate it.
/// </summary>
internal static class BenchChild
{
    /// <summary>The child's output lines, without the "== name" banner.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string benchmark, IEnumerable<string> args, CancellationToken cancellationToken) =>
        (await RunWithErrorAsync(benchmark, args, cancellationToken)).Output;

    /// <summary>The child's output lines, without the "== name" banner, and its error lines (its log).</summary>
    /// <param name="environment">Variables set for the child (runtime settings), or null.</param>
    public static async Task<(IReadOnlyList<string> Output, IReadOnlyList<string> Error)> RunWithErrorAsync(
        string benchmark, IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = Environment.ProcessPath!;
        List<string> arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(BenchChild).Assembly.Location] : [];
        var (output, error) = await RunProcessAsync(host, [.. arguments, benchmark, .. args], cancellationToken, environment);
        return (output.Where(l => !l.StartsWith("==", StringComparison.Ordinal)).ToList(), error);
    }

    /// <summary>Runs <paramref name="program"/> to its end; its non-empty output and error lines, or an error naming it when it fails.</summary>
    public static async Task<(IReadOnlyList<string> Output, IReadOnlyList<string> Error)> RunProcessAsync(
        string program, IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Path.GetFileName(program)} {string.Join(' ', start.ArgumentList)}' exited {child.ExitCode}: {await error}");
        }

        return (Lines(await output), Lines(await error));
    }

    private static List<string> Lines(string text) => text.Split('\n').Where(l => l.Length > 0).ToList();
}
