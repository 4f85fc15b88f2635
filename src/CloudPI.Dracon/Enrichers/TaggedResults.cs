using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>One tagged producer file an enricher reads.</summary>
public sealed record TaggedResults(string Path, LaunchToolResponse Response);
