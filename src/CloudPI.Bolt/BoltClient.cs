using System.Runtime.CompilerServices;

namespace CloudPI.Bolt;

/// <summary>
/// <see cref="ICypherClient"/> over one Bolt connection, opened lazily and reopened after it breaks.
/// Queries run one at a time (a second caller waits). Transient failures are retried with jittered exponential
/// back-off, but only until the first record has been handed to the caller: a retry then would repeat records.
/// </summary>
public sealed class BoltClient : ICypherClient
{
    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private readonly BoltClientOptions _options;
    private readonly BoltEndpoint _endpoint;
    private readonly BoltRetryPolicy _retry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BoltConnection? _connection;

    public BoltClient(BoltClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FetchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        _options = options;
        _endpoint = BoltEndpoint.Parse(options.Uri);
        _retry = new BoltRetryPolicy(options);
    }

    /// <summary>Creates a client and connects it now, so bad addresses or credentials show up at start.</summary>
    public static async Task<BoltClient> ConnectAsync(BoltClientOptions options, CancellationToken ct = default)
    {
        var client = new BoltClient(options);
        try
        {
            await client.VerifyConnectivityAsync(ct).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<CypherServerInfo> VerifyConnectivityAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return (await GetConnectionAsync(ct).ConfigureAwait(false)).ServerInfo;
                }
                catch (Exception error) when (_retry.ShouldRetry(error, attempt))
                {
                    await PrepareRetryAsync(attempt, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<CypherRecord> RunAsync(
        string cypher,
        IReadOnlyDictionary<string, object?>? parameters = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cypher);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                BoltQueryStream? stream = null;
                try
                {
                    var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
                    stream = await connection.RunAsync(cypher, parameters ?? NoParameters, ct).ConfigureAwait(false);
                }
                catch (Exception error) when (_retry.ShouldRetry(error, attempt))
                {
                    await PrepareRetryAsync(attempt, ct).ConfigureAwait(false);
                    continue;
                }

                await using (stream.ConfigureAwait(false))
                {
                    var yielded = false;
                    while (true)
                    {
                        CypherRecord? record;
                        try
                        {
                            record = await stream.ReadNextAsync(ct).ConfigureAwait(false);
                        }
                        catch (Exception error) when (!yielded && _retry.ShouldRetry(error, attempt))
                        {
                            break;
                        }

                        if (record is null)
                        {
                            yield break;
                        }

                        yielded = true;
                        yield return record;
                    }
                }

                await PrepareRetryAsync(attempt, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await DropBrokenConnectionAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<BoltConnection> GetConnectionAsync(CancellationToken ct)
    {
        await DropBrokenConnectionAsync().ConfigureAwait(false);
        return _connection ??= await BoltConnection.OpenAsync(_endpoint, _options, ct).ConfigureAwait(false);
    }

    private async Task PrepareRetryAsync(int attempt, CancellationToken ct)
    {
        await DropBrokenConnectionAsync().ConfigureAwait(false);
        await Task.Delay(_retry.DelayFor(attempt), ct).ConfigureAwait(false);
    }

    private async Task DropBrokenConnectionAsync()
    {
        if (_connection is { IsBroken: true } broken)
        {
            _connection = null;
            await broken.DisposeAsync().ConfigureAwait(false);
        }
    }
}
