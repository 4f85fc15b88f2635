using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>One tool's tagged results an enricher reads: from one file, or merged from several of the same tool (<see cref="Sources"/>).</summary>
public sealed record TaggedResults(string Path, LaunchToolResponse Response)
{
    public IReadOnlyList<string> Sources { get; init; } = [Path];
}
