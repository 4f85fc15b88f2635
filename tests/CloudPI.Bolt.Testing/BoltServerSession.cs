using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.Testing;

/// <summary>
/// The server end of one connection: read the handshake and messages, queue replies (fluent), flush.
/// Keeps every message and every byte received (clients send little: requests, not results).
/// </summary>
public sealed class BoltServerSession : IAsyncDisposable
{
    /// <summary>The manifest-handshake slot (00 00 01 FF) newer drivers send; this server ignores it.</summary>
    private const int ManifestMajor = 0xFF;

    private readonly RecordingStream _stream;
    private readonly BoltChunkReader _reader;
    private readonly BoltMessageWriter _writer = new(BoltDialect.Bolt5);
    private readonly List<BoltMessage> _received = [];

    internal BoltServerSession(Stream stream, CancellationToken stopping)
    {
        _stream = new RecordingStream(stream);
        _reader = new BoltChunkReader(_stream);
        Stopping = stopping;
    }

    public CancellationToken Stopping { get; }

    public BoltVersion? Version { get; private set; }

    public BoltDialect Dialect
    {
        get => _writer.Dialect;
        set => _writer.Dialect = value;
    }

    /// <summary>Every byte the client sent so far (handshake included).</summary>
    public byte[] ReceivedBytes => _stream.Received;

    public IReadOnlyList<BoltMessage> ReceivedMessages => _received;

    /// <summary>Reads the magic and four proposals, answers the best of <paramref name="supported"/> or 00000000 (then returns null).</summary>
    public async Task<BoltVersion?> HandshakeAsync(params IReadOnlyList<BoltVersion> supported)
    {
        var proposal = new byte[BoltHandshake.ProposalLength];
        await _reader.ReadExactAsync(proposal, Stopping).ConfigureAwait(false);
        if (!proposal.AsSpan(0, 4).SequenceEqual(BoltHandshake.Magic))
        {
            throw new InvalidOperationException($"Bad Bolt magic {Convert.ToHexString(proposal, 0, 4)}.");
        }

        Version = Choose(proposal.AsSpan(4), supported);
        var reply = new byte[BoltHandshake.ReplyLength];
        Version?.WriteTo(reply);
        await _stream.WriteAsync(reply, Stopping).ConfigureAwait(false);
        Dialect = Version is { Major: >= 5 } ? BoltDialect.Bolt5 : BoltDialect.Bolt44;
        return Version;
    }

    public async Task<BoltMessage> ReadMessageAsync()
    {
        var payload = await _reader.ReadMessageAsync(Stopping).ConfigureAwait(false);
        var message = BoltMessage.Parse(payload.Span);
        _received.Add(message);
        return message;
    }

    /// <summary>Reads the next message and fails the conversation if it is not <paramref name="signature"/>.</summary>
    public async Task<BoltMessage> ExpectAsync(byte signature)
    {
        var message = await ReadMessageAsync().ConfigureAwait(false);
        return message.Signature == signature
            ? message
            : throw new InvalidOperationException($"Expected message 0x{signature:X2}, got 0x{message.Signature:X2}.");
    }

    public BoltServerSession Success(IReadOnlyDictionary<string, object?>? metadata = null)
    {
        _writer.Write(BoltMessageSignature.Success, metadata ?? new Dictionary<string, object?>());
        return this;
    }

    public BoltServerSession Record(params object?[] values)
    {
        _writer.Write(BoltMessageSignature.Record, (object?)values);
        return this;
    }

    public BoltServerSession Failure(string code, string message, bool gqlStyle = false)
    {
        _writer.Write(BoltMessageSignature.Failure, new Dictionary<string, object?> { [gqlStyle ? "neo4j_code" : "code"] = code, ["message"] = message });
        return this;
    }

    public BoltServerSession Ignored()
    {
        _writer.Write(BoltMessageSignature.Ignored);
        return this;
    }

    public BoltServerSession Noop()
    {
        _writer.WriteNoop();
        return this;
    }

    public BoltServerSession Raw(ReadOnlySpan<byte> bytes)
    {
        _writer.WriteRaw(bytes);
        return this;
    }

    public int PendingBytes => _writer.Pending.Length;

    public async Task FlushAsync() => await _writer.FlushAsync(_stream, Stopping).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync().ConfigureAwait(false);

    private static BoltVersion? Choose(ReadOnlySpan<byte> slots, IReadOnlyList<BoltVersion> supported)
    {
        for (var slot = 0; slot < 4; slot++)
        {
            var bytes = slots.Slice(slot * 4, 4);
            var (range, minor, major) = (bytes[1], bytes[2], bytes[3]);
            if (major is 0 or ManifestMajor)
            {
                continue;
            }

            var match = supported
                .Where(v => v.Major == major && v.Minor <= minor && v.Minor >= minor - range)
                .OrderByDescending(v => v)
                .Cast<BoltVersion?>()
                .FirstOrDefault();
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }
}
