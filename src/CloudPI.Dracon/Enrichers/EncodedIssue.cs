using System.Buffers;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// An enriched issue encoded where it was made (on the thread that enriched it), with what the writer checks of it:
/// until written it is held as one array instead of its annotations' many strings, and the writer only copies bytes.
/// </summary>
public sealed class EncodedIssue
{
    /// <summary>
    /// Where encoded issues' arrays come from and go back to. Not the shared pool: its few arrays per size and core
    /// would be outrun by the issues waiting between the enriching threads and the writer (a thousand or so).
    /// </summary>
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(1 << 24, 4096);

    private byte[]? _pooled;
    private IBytesOwner? _owner;

    private EncodedIssue(ReadOnlyMemory<byte> bytes, string? rawIssueUuid, string? emptyAnnotation)
    {
        Bytes = bytes;
        RawIssueUuid = rawIssueUuid;
        EmptyAnnotation = emptyAnnotation;
    }

    /// <summary>The <see cref="EnrichedIssue"/> message's bytes (empty once <see cref="Release"/>d).</summary>
    public ReadOnlyMemory<byte> Bytes { get; private set; }

    /// <summary>The uuid of the issue it enriches; null when it carries no raw issue.</summary>
    public string? RawIssueUuid { get; }

    /// <summary>The key of the first annotation with an empty key or value, or null when there is none.</summary>
    public string? EmptyAnnotation { get; }

    public static EncodedIssue Of(EnrichedIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        string? empty = null;
        foreach (var (key, value) in issue.Annotations)
        {
            if (key.Length == 0 || value.Length == 0)
            {
                empty = key;
                break;
            }
        }

        return new EncodedIssue(issue.ToByteArray(), issue.RawIssue?.Uuid, empty);
    }

    /// <summary>An issue encoded before (kept in a file, say), with the facts recorded then.</summary>
    public static EncodedIssue FromBytes(ReadOnlyMemory<byte> bytes, string? rawIssueUuid, string? emptyAnnotation) => new(bytes, rawIssueUuid, emptyAnnotation);

    /// <summary>
    /// An issue whose first <paramref name="length"/> bytes of <paramref name="rented"/> (from <see cref="Pool"/>)
    /// are its encoding: whoever writes them gives the array back with <see cref="Release"/>. An enricher's output
    /// runs to hundreds of megabytes; rented, the same few arrays carry it, instead of the collector clearing and
    /// promoting a fresh array for every issue waiting to be written.
    /// </summary>
    public static EncodedIssue FromRented(byte[] rented, int length, string? rawIssueUuid, string? emptyAnnotation) =>
        new(rented.AsMemory(0, length), rawIssueUuid, emptyAnnotation) { _pooled = rented };

    /// <summary>An issue whose bytes lie in memory that <paramref name="owner"/> lends (a buffer shared by many issues):
    /// whoever writes them tells it with <see cref="Release"/>, and it may then reuse them.</summary>
    public static EncodedIssue FromOwned(ReadOnlyMemory<byte> bytes, string? rawIssueUuid, string? emptyAnnotation, IBytesOwner owner) =>
        new(bytes, rawIssueUuid, emptyAnnotation) { _owner = owner ?? throw new ArgumentNullException(nameof(owner)) };

    /// <summary>Done with the bytes (they were written): a rented array goes back to its pool, and <see cref="Bytes"/> is empty from now on.</summary>
    public void Release()
    {
        Bytes = ReadOnlyMemory<byte>.Empty;
        if (Interlocked.Exchange(ref _pooled, null) is { } rented)
        {
            Pool.Return(rented);
        }

        Interlocked.Exchange(ref _owner, null)?.Release();
    }
}

/// <summary>What lends an <see cref="EncodedIssue"/> its bytes (<see cref="EncodedIssue.FromOwned"/>).</summary>
public interface IBytesOwner
{
    /// <summary>One issue's bytes lent are no longer read.</summary>
    void Release();
}
