namespace CloudPI.Dracon.Io;

/// <summary>Who may read a written file on Unix.</summary>
public enum FileReaders
{
    /// <summary>Whoever the process's umask lets read a new file (reports, SARIF, graphs: CI artifacts read by other users).</summary>
    Default,

    /// <summary>Only the owner (0600), as Dracon writes its protobuf files.</summary>
    OwnerOnly,
}

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never a part:
/// the bytes go to a temporary file in the same directory, are flushed to disk (a large file partly while it is
/// written: <see cref="EarlyFlushStream"/>), then renamed over the target.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        Write(path, stream => stream.Write(bytes));
    }

    public static void WriteAllText(string path, string content) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Writes through <paramref name="writeContent"/>; on any failure the target is left untouched.</summary>
    public static void Write(string path, Action<Stream> writeContent)
    {
        using var files = new AtomicFileSet();
        files.Add(path, writeContent);
        files.Commit();
    }
}

/// <summary>
/// Files that appear together or not at all (an enriched file and its raw file, every tagged file of a run, a report
/// in two formats): each is written to a temporary file beside its target, and only when all are written are they
/// renamed over their targets. A failure before that leaves every target untouched; a failed rename removes what this
/// set already renamed, so no half of the set stays beside an older other half. Disposing removes what was not committed.
/// </summary>
public sealed class AtomicFileSet : IDisposable
{
    // Files may be added from several threads at once (an enriched file and its raw file); committed and disposed from one.
    private readonly List<(string Temporary, string Target)> _staged = [];

    public void Add(string path, Action<Stream> writeContent, FileReaders readers = FileReaders.Default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        lock (_staged)
        {
            if (_staged.Any(s => string.Equals(s.Target, target, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{path}: written twice in one set of outputs");
            }

            _staged.Add((temporary, target));
        }

        try
        {
            Directory.CreateDirectory(directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (readers == FileReaders.OwnerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(temporary, options);
            using var flushing = new EarlyFlushStream(stream);
            writeContent(new InterruptibleStream(flushing));
            flushing.Complete();
            stream.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot write: {ex.Message}", ex);
        }
    }

    public void AddBytes(string path, byte[] content) => Add(path, stream => stream.Write(content));

    public void Commit()
    {
        ProcessInterruption.Token.ThrowIfCancellationRequested();
        var renamed = new List<string>();
        foreach (var (temporary, target) in _staged)
        {
            try
            {
                File.Move(temporary, target, overwrite: true);
                renamed.Add(target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                renamed.ForEach(TryDelete);
                throw new IOException($"{target}: cannot write: {ex.Message}", ex);
            }
        }

        _staged.Clear();
    }

    public void Dispose()
    {
        _staged.ForEach(s => TryDelete(s.Temporary));
        _staged.Clear();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be cleaned; the caller reports the original failure.
        }
    }
}

/// <summary>Passes writes through, and stops them once the process is asked to stop (a large output is not finished first).</summary>
internal sealed class InterruptibleStream(Stream inner) : PassThroughWriteStream(inner)
{
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ProcessInterruption.Token.ThrowIfCancellationRequested();
        Inner.Write(buffer);
    }
}

/// <summary>A write-only stream over another, for wrappers that only change what a write does.</summary>
internal abstract class PassThroughWriteStream(Stream inner) : Stream
{
    protected Stream Inner => inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
