namespace CloudPI.Dracon.Io;

/// <summary>
/// Writes a file and, every <see cref="FlushEvery"/> bytes, has what is written so far flushed to disk on a thread of
/// its own while the writing goes on. A file is flushed before it is renamed into place; flushing a large output only
/// then made its writer wait for all of it (an enricher's 43 MB file: about 50 ms of a 500 ms analysis). Flushed
/// early, the last flush waits for the tail only. <see cref="Complete"/> waits for the early flush and reports its
/// failure: a failed flush's error may be reported to one caller only, so it must not be lost on the side thread.
/// </summary>
internal sealed class EarlyFlushStream(FileStream file) : PassThroughWriteStream(file)
{
    /// <summary>Large enough that small outputs (reports, most Dracon files) never flush early.</summary>
    public const int FlushEvery = 8 << 20;

    private long _sinceFlush;
    private Task? _flushing;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        file.Write(buffer);
        _sinceFlush += buffer.Length;
        if (_sinceFlush >= FlushEvery && _flushing is not { IsCompleted: false })
        {
            ThrowIfFlushFailed();
            file.Flush(); // the stream's own buffer to the operating system, so that the flush covers every byte so far
            var handle = file.SafeFileHandle;
            _flushing = Task.Factory.StartNew(() => RandomAccess.FlushToDisk(handle), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _sinceFlush = 0;
        }
    }

    /// <summary>Waits for an early flush still running; throws the <see cref="IOException"/> an early flush failed with.</summary>
    public void Complete()
    {
        try
        {
            _flushing?.Wait();
        }
        catch (AggregateException)
        {
            // Reported below, as the IOException it is.
        }

        ThrowIfFlushFailed();
    }

    private void ThrowIfFlushFailed()
    {
        if (_flushing is { IsFaulted: true } failed)
        {
            _flushing = null;
            throw failed.Exception!.InnerException as IOException ?? new IOException("flushing to disk failed", failed.Exception);
        }
    }

    protected override void Dispose(bool disposing)
    {
        // A write that failed leaves its early flush running: waited for, so that the file is closed after it.
        if (disposing && _flushing is { IsCompleted: false } running)
        {
            try
            {
                running.Wait();
            }
            catch (AggregateException)
            {
                // The write's own failure is the one reported.
            }
        }

        base.Dispose(disposing);
    }
}
