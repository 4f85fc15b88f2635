using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// An enriched issue encoded where it was made (on the thread that enriched it), with what the writer checks of it:
/// until written it is held as one array instead of its annotations' many strings, and the writer only copies bytes.
/// </summary>
public sealed class EncodedIssue
{
    private EncodedIssue(ReadOnlyMemory<byte> bytes, string? rawIssueUuid, string? emptyAnnotation)
    {
        Bytes = bytes;
        RawIssueUuid = rawIssueUuid;
        EmptyAnnotation = emptyAnnotation;
    }

    /// <summary>The <see cref="EnrichedIssue"/> message's bytes.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

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
}
