using System.Diagnostics.CodeAnalysis;
using CloudPI.Bench;

// Benchmarks are discovered by type so adding one touches no central switch.
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The bench runs on the JIT runtime only.")]
static IReadOnlyList<IBenchmark> Discover() =>
    typeof(IBenchmark).Assembly.GetTypes()
        .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Name, StringComparer.Ordinal)
        .ToList();

var benchmarks = Discover();
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/CloudPI.Bench -- NAME [ARGS...] | all");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-24} {b.Description}");
    }

    return args.Length == 0 ? 2 : 0;
}

var selected = args[0] == "all" ? benchmarks : benchmarks.Where(b => b.Name == args[0]).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"cloudpi-bench: unknown benchmark '{args[0]}' (run with --help for the list)");
    return 2;
}

foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
    await benchmark.RunAsync(args.Skip(1).ToList(), CancellationToken.None);
}

return 0;
