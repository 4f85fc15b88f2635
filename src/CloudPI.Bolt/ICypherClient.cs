namespace CloudPI.Bolt;

/// <summary>
/// What the rest of CloudPI needs from Neo4j: run a read query and stream its records. Kept narrow so the official
/// Neo4j.Driver can stand behind it later without changing callers.
/// </summary>
public interface ICypherClient : IAsyncDisposable
{
    /// <summary>Runs <paramref name="cypher"/> and streams its records in server batches; memory stays bounded by the fetch size.</summary>
    IAsyncEnumerable<CypherRecord> RunAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken ct = default);

    /// <summary>Connects (and authenticates) if needed and tells which server answered.</summary>
    Task<CypherServerInfo> VerifyConnectivityAsync(CancellationToken ct = default);
}
