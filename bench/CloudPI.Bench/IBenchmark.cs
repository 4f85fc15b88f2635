namespace CloudPI.Bench;

/// <summary>One named benchmark; it prints its own numbers to the console.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
