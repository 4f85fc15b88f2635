namespace CloudPI.Bolt;

/// <summary>Whether queries run on a read (mode "r") or write transaction.</summary>
public enum BoltAccessMode
{
    Read,
    Write,
}

/// <summary>How to reach and talk to one Neo4j server.</summary>
public sealed record BoltClientOptions
{
    /// <summary>
    /// bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc:// with host and optional port (default 7687).
    /// +s verifies the server certificate, +ssc accepts any (self-signed) certificate. neo4j:// connects directly to
    /// the given address, as on the usual single-instance server: it sends the routing context
    /// {address, ...query pairs} in HELLO but fetches no routing table (no ROUTE), so cluster members are not discovered.
    /// </summary>
    public required Uri Uri { get; init; }

    /// <summary>Null means scheme "none" (auth disabled on the server).</summary>
    public BoltCredentials? Credentials { get; init; }

    /// <summary>The database to query; null uses the server's default database.</summary>
    public string? Database { get; init; }

    public BoltAccessMode AccessMode { get; init; } = BoltAccessMode.Read;

    /// <summary>Limit for TCP connect, TLS, handshake and authentication together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the next bytes from the server; replaced by the server's connection.recv_timeout_seconds hint when it sends one.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for one whole message (a record, a summary), keep-alives or not; infinite by default.</summary>
    public TimeSpan MessageTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Records per PULL batch; the bound on how many records wait in flight.</summary>
    public int FetchSize { get; init; } = 1000;

    /// <summary>Retries after the first attempt for transient failures (Neo.TransientError.*, lost connection) before any record was returned.</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent as user_agent (and bolt_agent product on 5.3+).</summary>
    public string UserAgent { get; init; } = BoltUserAgent.Default;
}
