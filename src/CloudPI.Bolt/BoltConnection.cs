using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt;

/// <summary>
/// One authenticated Bolt connection in the READY state between queries. Any transport or protocol error marks it
/// broken; a server FAILURE is answered with RESET so the connection stays usable.
/// </summary>
internal sealed class BoltConnection : IAsyncDisposable
{
    private const string RecvTimeoutHint = "connection.recv_timeout_seconds";

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly BoltChunkReader _reader;
    private readonly BoltMessageWriter _writer = new(BoltDialect.Bolt5);
    private readonly BoltEndpoint _endpoint;
    private readonly BoltClientOptions _options;
    private int _pendingSummaries;

    private BoltConnection(Socket socket, Stream stream, BoltEndpoint endpoint, BoltClientOptions options)
    {
        _socket = socket;
        _stream = stream;
        _endpoint = endpoint;
        _options = options;
        _reader = new BoltChunkReader(stream) { ReadTimeout = options.ReadTimeout, MessageTimeout = options.MessageTimeout };
    }

    public BoltVersion Version { get; private set; }

    public CypherServerInfo ServerInfo { get; private set; } = null!;

    public bool IsBroken { get; private set; }

    public static async Task<BoltConnection> OpenAsync(BoltEndpoint endpoint, BoltClientOptions options, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        BoltConnection? connection = null;
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (endpoint.Encrypted)
            {
                stream = await StartTlsAsync(stream, endpoint, deadline.Token).ConfigureAwait(false);
            }

            connection = new BoltConnection(socket, stream, endpoint, options);
            await connection.HandshakeAsync(deadline.Token).ConfigureAwait(false);
            await connection.AuthenticateAsync(deadline.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception error)
        {
            if (connection is null)
            {
                socket.Dispose();
            }
            else
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }

            throw TranslateOpenError(error, endpoint, options, cancellationToken);
        }
    }

    /// <summary>Sends RUN and the first PULL together and waits for RUN's answer.</summary>
    public async Task<BoltQueryStream> RunAsync(string cypher, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(_options.Database))
        {
            extra["db"] = _options.Database;
        }

        if (_options.AccessMode == BoltAccessMode.Read)
        {
            extra["mode"] = "r";
        }

        Send(BoltMessageSignature.Run, cypher, parameters, extra);
        SendPull();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var response = await ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        var fields = response.Metadata().GetValueOrDefault("fields") as IReadOnlyList<object?>
            ?? throw Broken(new BoltProtocolException("RUN SUCCESS carries no 'fields' list."));
        var keys = fields.Select(f => f as string ?? throw Broken(new BoltProtocolException("A RUN field name is not a string."))).ToArray();
        return new BoltQueryStream(this, keys);
    }

    public void SendPull() => Send(BoltMessageSignature.Pull, new Dictionary<string, object?> { ["n"] = (long)_options.FetchSize });

    public ValueTask FlushAsync(CancellationToken cancellationToken) => Guard(_writer.FlushAsync(_stream, cancellationToken));

    /// <summary>Reads the next message; summaries (SUCCESS, FAILURE, IGNORED) settle one outstanding request.</summary>
    public async ValueTask<BoltMessage> ReadMessageAsync(CancellationToken cancellationToken)
    {
        try
        {
            var payload = await _reader.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            var message = BoltMessage.Parse(payload.Span);
            if (message.Signature != BoltMessageSignature.Record)
            {
                _pendingSummaries--;
            }

            return message;
        }
        catch (Exception error)
        {
            throw Broken(error);
        }
    }

    /// <summary>Reads a summary; a FAILURE is recovered with RESET and thrown as <see cref="CypherServerException"/>.</summary>
    public async ValueTask<BoltMessage> ReadSummaryAsync(CancellationToken cancellationToken)
    {
        var message = await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        switch (message.Signature)
        {
            case BoltMessageSignature.Success:
                return message;
            case BoltMessageSignature.Failure:
                var failure = ToException(message);
                await ResetAsync(cancellationToken).ConfigureAwait(false);
                throw failure;
            default:
                throw Broken(new BoltProtocolException($"Expected a summary, got message 0x{message.Signature:X2}."));
        }
    }

    /// <summary>RESET, then discard everything still owed (records, IGNORED) up to RESET's SUCCESS: the server is READY again.</summary>
    public async ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        Send(BoltMessageSignature.Reset);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        BoltMessage message;
        do
        {
            message = await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        while (_pendingSummaries > 0);

        if (message.Signature != BoltMessageSignature.Success)
        {
            throw Broken(new BoltProtocolException($"RESET was answered with 0x{message.Signature:X2}; the connection is unusable."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsBroken)
        {
            try
            {
                // GOODBYE has no answer: send it and close without reading.
                Send(BoltMessageSignature.Goodbye);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _writer.FlushAsync(_stream, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server may already be gone; closing is all that is left to do.
            }
        }

        await CloseAsync().ConfigureAwait(false);
    }

    public Exception Broken(Exception error)
    {
        IsBroken = true;
        return error;
    }

    public CypherServerException ToException(BoltMessage failure)
    {
        var metadata = failure.Metadata();
        var code = metadata.GetValueOrDefault("code") as string ?? metadata.GetValueOrDefault("neo4j_code") as string ?? "Neo.DatabaseError.General.UnknownError";
        var message = metadata.GetValueOrDefault("message") as string ?? "(no message)";
        return code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal)
            ? new BoltAuthenticationException(code, message, _options.Credentials?.User, _endpoint.Address)
            : new CypherServerException(code, message);
    }

    private static async Task<Stream> StartTlsAsync(Stream stream, BoltEndpoint endpoint, CancellationToken cancellationToken)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions { TargetHost = endpoint.Host };
        if (endpoint.TrustAnyCertificate)
        {
            // +ssc: the scheme's meaning is "accept a self-signed certificate".
            authentication.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        await tls.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
        return tls;
    }

    private static Exception TranslateOpenError(Exception error, BoltEndpoint endpoint, BoltClientOptions options, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new TimeoutException($"Could not connect to Neo4j at {endpoint.Address} within {options.ConnectTimeout.TotalSeconds:0.###} s."),
        SocketException socket => new BoltConnectionException($"Could not connect to Neo4j at {endpoint.Address}: {socket.Message}", socket),
        // Not a BoltConnectionException: a certificate problem does not go away by retrying.
        AuthenticationException tls =>
            new AuthenticationException($"TLS with {endpoint.Address} failed: {tls.Message} (use +ssc to accept a self-signed certificate).", tls),
        _ => error,
    };

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        _writer.WriteRaw(BoltHandshake.ClientProposal());
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var reply = new byte[BoltHandshake.ReplyLength];
        await Guard(_reader.ReadExactAsync(reply, cancellationToken)).ConfigureAwait(false);
        Version = BoltHandshake.ParseReply(reply, _endpoint.Address);
        _writer.Dialect = Version.Major >= 5 ? BoltDialect.Bolt5 : BoltDialect.Bolt44;
    }

    private async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        Send(BoltMessageSignature.Hello, HelloExtra());
        if (Version.UsesLogon)
        {
            Send(BoltMessageSignature.Logon, AuthToken());
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);

        // FAILURE to HELLO or LOGON ends the connection on the server side: no RESET.
        var hello = await ReadAuthenticationReplyAsync(cancellationToken).ConfigureAwait(false);
        if (Version.UsesLogon)
        {
            await ReadAuthenticationReplyAsync(cancellationToken).ConfigureAwait(false);
        }

        ApplyHelloMetadata(hello.Metadata());
    }

    private async Task<BoltMessage> ReadAuthenticationReplyAsync(CancellationToken cancellationToken)
    {
        var message = await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        return message.Signature switch
        {
            BoltMessageSignature.Success => message,
            BoltMessageSignature.Failure => throw Broken(ToException(message)),
            _ => throw Broken(new BoltProtocolException($"Unexpected message 0x{message.Signature:X2} during authentication.")),
        };
    }

    private Dictionary<string, object?> HelloExtra()
    {
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal) { ["user_agent"] = _options.UserAgent };
        if (!Version.UsesLogon)
        {
            foreach (var (key, value) in AuthToken())
            {
                extra[key] = value;
            }
        }

        if (_endpoint.RoutingContext is { } routing)
        {
            extra["routing"] = routing;
        }

        if (Version == BoltVersion.V4_4)
        {
            extra["patch_bolt"] = new object?[] { "utc" };
        }

        if (Version.RequiresBoltAgent)
        {
            extra["bolt_agent"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["product"] = _options.UserAgent };
        }

        return extra;
    }

    private Dictionary<string, object?> AuthToken() => _options.Credentials is { } credentials
        ? new(StringComparer.Ordinal) { ["scheme"] = "basic", ["principal"] = credentials.User, ["credentials"] = credentials.Password }
        : new(StringComparer.Ordinal) { ["scheme"] = "none" };

    private void ApplyHelloMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        if (Version == BoltVersion.V4_4 && metadata.GetValueOrDefault("patch_bolt") is IReadOnlyList<object?> patches && patches.Contains("utc"))
        {
            _writer.Dialect = BoltDialect.Bolt44Utc;
        }

        if (metadata.GetValueOrDefault("hints") is IReadOnlyDictionary<string, object?> hints && hints.GetValueOrDefault(RecvTimeoutHint) is long seconds and > 0)
        {
            // The server promises a NOOP at least this often, so silence for longer means it is gone.
            _reader.ReadTimeout = TimeSpan.FromSeconds(seconds);
        }

        ServerInfo = new CypherServerInfo(
            _endpoint.Address,
            metadata.GetValueOrDefault("server") as string ?? "unknown",
            Version.ToString(),
            metadata.GetValueOrDefault("connection_id") as string);
    }

    private void Send(byte signature, params ReadOnlySpan<object?> fields)
    {
        _writer.Write(signature, fields);
        if (signature != BoltMessageSignature.Goodbye)
        {
            _pendingSummaries++;
        }
    }

    private async ValueTask Guard(ValueTask operation)
    {
        try
        {
            await operation.ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or SocketException)
        {
            throw Broken(error as BoltConnectionException ?? new BoltConnectionException($"The connection to {_endpoint.Address} was lost: {error.Message}", error));
        }
        catch (Exception error)
        {
            throw Broken(error);
        }
    }

    private async ValueTask CloseAsync()
    {
        IsBroken = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}
