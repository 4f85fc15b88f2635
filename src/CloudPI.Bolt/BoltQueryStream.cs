using CloudPI.Bolt.Protocol;

namespace CloudPI.Bolt;

/// <summary>
/// The records of one query, pulled batch by batch (PULL {n}) as the caller reads them. Disposing it before the end
/// sends RESET so the connection is READY for the next query.
/// </summary>
internal sealed class BoltQueryStream(BoltConnection connection, IReadOnlyList<string> keys) : IAsyncDisposable
{
    private bool _finished;

    /// <summary>The next record, or null after the final SUCCESS.</summary>
    public async ValueTask<CypherRecord?> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (!_finished)
        {
            var message = await connection.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            switch (message.Signature)
            {
                case BoltMessageSignature.Record:
                    var values = message.Fields.Count == 1 && message.Fields[0] is IReadOnlyList<object?> list
                        ? list
                        : throw connection.Broken(new BoltProtocolException("A RECORD message does not hold exactly one list."));
                    return new CypherRecord(keys, values);
                case BoltMessageSignature.Success when message.Metadata().GetValueOrDefault("has_more") is true:
                    connection.SendPull();
                    await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case BoltMessageSignature.Success:
                    _finished = true;
                    break;
                case BoltMessageSignature.Failure:
                    _finished = true;
                    var failure = connection.ToException(message);
                    await connection.ResetAsync(cancellationToken).ConfigureAwait(false);
                    throw failure;
                default:
                    throw connection.Broken(new BoltProtocolException($"Unexpected message 0x{message.Signature:X2} while streaming records."));
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished && !connection.IsBroken)
        {
            _finished = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await connection.ResetAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or TimeoutException or OperationCanceledException or BoltProtocolException)
            {
                connection.Broken(error);
            }
        }
    }
}
