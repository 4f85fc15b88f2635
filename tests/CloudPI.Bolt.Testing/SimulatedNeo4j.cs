using System.Buffers;
using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.Testing;

/// <summary>
/// A stand-in Neo4j that follows the Bolt server state machine for read queries: handshake, HELLO (+LOGON on 5.1+),
/// RUN/PULL {n} with has_more batches, DISCARD, RESET, FAILED state answering IGNORED, TELEMETRY, transactions, GOODBYE.
/// Generic enough for the official drivers (it ignores the manifest handshake slot and serves any fetch size).
/// </summary>
public sealed class SimulatedNeo4j
{
    public const string UnauthorizedCode = "Neo.ClientError.Security.Unauthorized";

    /// <summary>Versions this server offers; it answers the client's best match.</summary>
    public IReadOnlyList<BoltVersion> Versions { get; init; } = [BoltVersion.V5_4, BoltVersion.V5_0, BoltVersion.V4_4];

    /// <summary>The only accepted password (any user); null accepts any credentials.</summary>
    public string? Password { get; init; }

    public string Agent { get; init; } = "Neo4j/5.20.0";

    /// <summary>Whether a 4.4 session accepts patch_bolt ["utc"] when the client asks.</summary>
    public bool AcceptUtcPatch { get; init; } = true;

    public IReadOnlyDictionary<string, object?>? Hints { get; init; }

    /// <summary>Answers each RUN (its message: query, parameters, extra).</summary>
    public Func<BoltMessage, SimulatedResult> Query { get; init; } = _ => SimulatedResult.Of([], []);

    /// <summary>Flush replies when this much is queued, so large results stream instead of piling up.</summary>
    public int FlushThreshold { get; init; } = 64 * 1024;

    /// <summary>The whole conversation: handshake, authentication, then requests until GOODBYE or disconnect.</summary>
    public async Task ServeAsync(BoltServerSession session)
    {
        if (await HandshakeAndAuthenticateAsync(session).ConfigureAwait(false))
        {
            await ServeRequestsAsync(session).ConfigureAwait(false);
        }
    }

    /// <summary>Returns false when the connection ended (no common version, or authentication refused).</summary>
    public async Task<bool> HandshakeAndAuthenticateAsync(BoltServerSession session)
    {
        var version = await session.HandshakeAsync(Versions).ConfigureAwait(false);
        if (version is not { } negotiated)
        {
            return false;
        }

        var hello = await session.ExpectAsync(BoltMessageSignature.Hello).ConfigureAwait(false);
        var auth = negotiated.UsesLogon ? null : hello.Metadata();
        var metadata = new Dictionary<string, object?> { ["server"] = Agent, ["connection_id"] = "bolt-1" };
        if (Hints is not null)
        {
            metadata["hints"] = Hints;
        }

        if (negotiated == BoltVersion.V4_4 && AcceptUtcPatch && hello.Metadata().GetValueOrDefault("patch_bolt") is IReadOnlyList<object?> patches && patches.Contains("utc"))
        {
            metadata["patch_bolt"] = new object?[] { "utc" };
            session.Dialect = BoltDialect.Bolt44Utc;
        }

        if (auth is not null && !await AuthorizeAsync(session, auth).ConfigureAwait(false))
        {
            return false;
        }

        await session.Success(metadata).FlushAsync().ConfigureAwait(false);
        if (negotiated.UsesLogon)
        {
            var logon = await session.ExpectAsync(BoltMessageSignature.Logon).ConfigureAwait(false);
            if (!await AuthorizeAsync(session, logon.Metadata()).ConfigureAwait(false))
            {
                return false;
            }

            await session.Success().FlushAsync().ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Serves requests on an authenticated session until GOODBYE or the client disconnects.</summary>
    public async Task ServeRequestsAsync(BoltServerSession session)
    {
        var state = new StreamState();
        while (true)
        {
            BoltMessage request;
            try
            {
                request = await session.ReadMessageAsync().ConfigureAwait(false);
            }
            catch (BoltConnectionException)
            {
                return; // The client went away without GOODBYE.
            }

            if (request.Signature == BoltMessageSignature.Goodbye)
            {
                return;
            }

            if (!await HandleAsync(session, request, state).ConfigureAwait(false))
            {
                return;
            }

            await session.FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> AuthorizeAsync(BoltServerSession session, IReadOnlyDictionary<string, object?> auth)
    {
        if (Password is null || (auth.GetValueOrDefault("scheme") as string == "basic" && auth.GetValueOrDefault("credentials") as string == Password))
        {
            return true;
        }

        await session.Failure(UnauthorizedCode, "The client is unauthorized due to authentication failure.").FlushAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>Answers one request; false means the connection is to be cut.</summary>
    private async Task<bool> HandleAsync(BoltServerSession session, BoltMessage request, StreamState state)
    {
        if (request.Signature == BoltMessageSignature.Reset)
        {
            state.Clear();
            session.Success();
            return true;
        }

        if (state.Failed)
        {
            session.Ignored();
            return true;
        }

        switch (request.Signature)
        {
            case BoltMessageSignature.Run:
                var result = Query(request);
                if (result.Failure is { } failure)
                {
                    state.Failed = true;
                    session.Failure(failure.Code, failure.Message);
                    return true;
                }

                state.Start(result);
                session.Success(new Dictionary<string, object?> { ["fields"] = result.Fields.Cast<object?>().ToArray(), ["t_first"] = 1L });
                return true;
            case BoltMessageSignature.Pull:
                return await PullAsync(session, request.Metadata().GetValueOrDefault("n") as long? ?? -1, state).ConfigureAwait(false);
            case BoltMessageSignature.Discard:
                state.Clear();
                session.Success(FinalSummary());
                return true;
            case BoltMessageSignature.Begin or BoltMessageSignature.Commit or BoltMessageSignature.Rollback or BoltMessageSignature.Telemetry:
                session.Success();
                return true;
            default:
                throw new InvalidOperationException($"The simulated server does not handle message 0x{request.Signature:X2}.");
        }
    }

    private async Task<bool> PullAsync(BoltServerSession session, long n, StreamState state)
    {
        var sent = 0L;
        while ((n < 0 || sent < n) && state.TryNext(out var row))
        {
            if (state.Result!.DropConnectionAfter is { } dropAfter && state.Sent >= dropAfter)
            {
                await session.FlushAsync().ConfigureAwait(false);
                return false;
            }

            state.AppendRecord(session, row);
            sent++;
            if (session.PendingBytes >= FlushThreshold)
            {
                await session.FlushAsync().ConfigureAwait(false);
            }
        }

        if (state.HasMore())
        {
            session.Success(new Dictionary<string, object?> { ["has_more"] = true });
        }
        else
        {
            state.Clear();
            session.Success(FinalSummary());
        }

        return true;
    }

    private static Dictionary<string, object?> FinalSummary() =>
        new() { ["bookmark"] = "FB:simulated", ["type"] = "r", ["t_last"] = 1L, ["db"] = "neo4j" };

    /// <summary>The open result of the current auto-commit query, read one row ahead to know whether more remain.</summary>
    private sealed class StreamState
    {
        private readonly ArrayBufferWriter<byte> _lastFramed = new();
        private IEnumerator<IReadOnlyList<object?>>? _rows;
        private IReadOnlyList<object?>? _lastRow;
        private IReadOnlyList<object?>? _peeked;

        public SimulatedResult? Result { get; private set; }

        public bool Failed { get; set; }

        public long Sent { get; private set; }

        public void Start(SimulatedResult result)
        {
            Clear();
            Result = result;
            _rows = result.Rows.GetEnumerator();
        }

        public bool TryNext(out IReadOnlyList<object?> row)
        {
            if (_peeked is not null)
            {
                row = _peeked;
                _peeked = null;
                return true;
            }

            if (_rows is not null && _rows.MoveNext())
            {
                row = _rows.Current;
                return true;
            }

            row = [];
            return false;
        }

        /// <summary>Whether another row follows; a row read to find out is kept for <see cref="TryNext"/>.</summary>
        public bool HasMore()
        {
            if (_peeked is null && _rows is not null && _rows.MoveNext())
            {
                _peeked = _rows.Current;
            }

            return _peeked is not null;
        }

        /// <summary>Appends a RECORD; a row repeated back-to-back reuses its framed bytes.</summary>
        public void AppendRecord(BoltServerSession session, IReadOnlyList<object?> row)
        {
            if (!ReferenceEquals(row, _lastRow))
            {
                var encoder = new BoltMessageWriter(session.Dialect);
                encoder.Write(BoltMessageSignature.Record, (object?)row);
                _lastFramed.ResetWrittenCount();
                _lastFramed.Write(encoder.Pending.Span);
                _lastRow = row;
            }

            session.Raw(_lastFramed.WrittenSpan);
            Sent++;
        }

        public void Clear()
        {
            _rows?.Dispose();
            _rows = null;
            _peeked = null;
            Result = null;
            Failed = false;
            Sent = 0;
        }
    }
}
