using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// A tool's results written as protobuf writes them, their issues copied from bytes encoded ahead (<see cref="IssueBytes"/>)
/// rather than sized and encoded again: an enricher writes its input twice (the raw file, and the enriched file's
/// original results), and with the Cartography producer's 43,632 findings that was a tenth of the CPU spent while the
/// issues were analysed.
/// </summary>
internal sealed class EncodedResponse
{
    private const int IssuesField = LaunchToolResponse.IssuesFieldNumber;
    private const byte IssueTag = IssuesField << 3 | 2;

    // The response's own fields (its issues left out), and where the issues go among them: protobuf writes fields in
    // number order and unknown ones last, so after scan_info and tool_name, before scan_target and the rest.
    private readonly byte[] _fields;
    private readonly int _issuesAt;
    private readonly IssueBytes _issues;

    private EncodedResponse(byte[] fields, int issuesAt, IssueBytes issues, long size)
    {
        _fields = fields;
        _issuesAt = issuesAt;
        _issues = issues;
        Size = size;
    }

    /// <summary>The encoded size, counted in 64 bits: past 2 GiB it is more than protobuf can read back.</summary>
    public long Size { get; }

    /// <summary><paramref name="response"/>, whose issues <paramref name="issues"/> holds encoded; null when they are not its issues' count.</summary>
    public static EncodedResponse? Of(LaunchToolResponse response, IssueBytes? issues)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (issues is null || issues.Count != response.Issues.Count)
        {
            return null;
        }

        // Merged, a repeated field takes the same issue objects, and is then emptied: nothing is copied but the other fields.
        var own = new LaunchToolResponse();
        own.MergeFrom(response);
        own.Issues.Clear();
        var fields = own.ToByteArray();
        long size = fields.Length;
        for (var i = 0; i < issues.Count; i++)
        {
            var length = issues[i].Length;
            size += 1 + CodedOutputStream.ComputeLengthSize(length) + length;
        }

        return new EncodedResponse(fields, IssueBytes.FieldsBefore(fields, IssuesField), issues, size);
    }

    /// <summary>Writes the response's bytes (without a length before them).</summary>
    public void WriteTo(CodedOutputStream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteEncoded(output, _fields.AsSpan(0, _issuesAt));
        for (var i = 0; i < _issues.Count; i++)
        {
            output.WriteRawTag(IssueTag);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(_issues[i]));
        }

        WriteEncoded(output, _fields.AsSpan(_issuesAt));
    }

    /// <summary>Bytes already encoded, as they are. The writer's raw write is not public; its raw-tag write is, and
    /// these are a few dozen bytes (the scan's id, time and tags, the tool's name).</summary>
    private static void WriteEncoded(CodedOutputStream output, ReadOnlySpan<byte> encoded)
    {
        foreach (var b in encoded)
        {
            output.WriteRawTag(b);
        }
    }
}
