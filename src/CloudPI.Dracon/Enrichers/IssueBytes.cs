using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// Each issue of a tagged input as protobuf encodes it, in one array: an enriched issue carries its raw issue, and the
/// files write the whole input back twice (<see cref="EncodedResponse"/>). Encoding them again there, beside the
/// analysis, was 2-4% of an enricher's work with the synthetic findings and a tenth of its CPU with the Cartography
/// producer's. Encoded while the graph loads, on the core the load leaves idle (<see cref="Begin"/>).
/// </summary>
public sealed class IssueBytes
{
    private readonly byte[] _bytes;
    private readonly int[] _starts;

    private IssueBytes(byte[] bytes, int[] starts)
    {
        _bytes = bytes;
        _starts = starts;
    }

    public int Count => _starts.Length - 1;

    /// <summary>The bytes <c>issues[index].WriteTo</c> writes.</summary>
    public ReadOnlyMemory<byte> this[int index] => _bytes.AsMemory(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>
    /// At most this many bytes are kept: about 200,000 of the Cartography producer's findings. The bytes are kept as long
    /// as the issues, so beyond that they would add to the peak what a run of many issues can least afford (a million
    /// findings are 630 MB); such issues are encoded where used, as before.
    /// </summary>
    public const int MaxKeptBytes = 128 << 20;

    /// <summary>
    /// Encodes <paramref name="issues"/> on a pool thread; the task's result is null when they come to more than
    /// <see cref="MaxKeptBytes"/>, and they are encoded where used.
    /// </summary>
    public static Task<IssueBytes?> Begin(IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return Task.Run(() => Of(issues));
    }

    /// <summary>The issues' bytes, or null when they come to more than <paramref name="maxBytes"/>.</summary>
    public static IssueBytes? Of(IReadOnlyList<Issue> issues, int maxBytes = MaxKeptBytes)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var starts = new int[issues.Count + 1];
        long end = 0;
        for (var i = 0; i < issues.Count; i++)
        {
            end += issues[i].CalculateSize();
            if (end > maxBytes)
            {
                return null;
            }

            starts[i + 1] = (int)end;
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)end);
        for (var i = 0; i < issues.Count; i++)
        {
            issues[i].WriteTo(bytes.AsSpan(starts[i], starts[i + 1] - starts[i]));
        }

        return new IssueBytes(bytes, starts);
    }

    // Issue.severity = 4, a varint; protobuf writes fields in number order (unknown ones last) and leaves out a zero.
    private const int SeverityField = Issue.SeverityFieldNumber;
    private const byte SeverityTag = SeverityField << 3;

    /// <summary>The size of <paramref name="encoded"/> (an issue's bytes) with its severity set to <paramref name="severity"/>.</summary>
    public static int SizeWithSeverity(ReadOnlySpan<byte> encoded, Severity severity)
    {
        var (start, end) = SeverityAt(encoded);
        return encoded.Length - (end - start) + SeverityFieldSize(severity);
    }

    /// <summary>
    /// Writes <paramref name="encoded"/> (an issue's bytes, as protobuf wrote them) with its severity set to
    /// <paramref name="severity"/>: the bytes the issue with that severity encodes to. Returns the length written.
    /// </summary>
    public static int WriteWithSeverity(ReadOnlySpan<byte> encoded, Severity severity, Span<byte> destination)
    {
        var (start, end) = SeverityAt(encoded);
        encoded[..start].CopyTo(destination);
        var at = start;
        if (severity != Severity.Unspecified)
        {
            destination[at++] = SeverityTag;
            at += Varint.Write((ulong)(long)(int)severity, destination[at..]); // a negative value takes ten bytes, as protobuf writes it
        }

        encoded[end..].CopyTo(destination[at..]);
        return at + encoded.Length - end;
    }

    private static int SeverityFieldSize(Severity severity) =>
        severity == Severity.Unspecified ? 0 : 1 + CodedOutputStream.ComputeEnumSize((int)severity);

    /// <summary>Where the severity field is (start == end when absent: where it would go).</summary>
    private static (int Start, int End) SeverityAt(ReadOnlySpan<byte> encoded)
    {
        var start = FieldsBefore(encoded, SeverityField);
        var at = start;
        if (at == encoded.Length || (int)(Varint.Read(encoded, ref at) >> 3) != SeverityField)
        {
            return (start, start);
        }

        Varint.Read(encoded, ref at);
        return (start, at);
    }

    /// <summary>
    /// Where the first field numbered <paramref name="field"/> or above starts in <paramref name="encoded"/> (a message
    /// as protobuf wrote it: fields in number order), or its length when there is none.
    /// </summary>
    internal static int FieldsBefore(ReadOnlySpan<byte> encoded, int field)
    {
        var at = 0;
        while (at < encoded.Length)
        {
            var fieldStart = at;
            var tag = Varint.Read(encoded, ref at);
            if ((int)(tag >> 3) >= field)
            {
                return fieldStart;
            }

            SkipValue(encoded, (int)(tag & 7), ref at);
        }

        return at;
    }

    private static void SkipValue(ReadOnlySpan<byte> encoded, int wireType, ref int at)
    {
        switch (wireType)
        {
            case 0:
                Varint.Read(encoded, ref at);
                break;
            case 1:
                at += 8;
                break;
            case 2:
                var length = (int)Varint.Read(encoded, ref at); // read first: `at += Varint.Read(..., ref at)` would add to the old `at`
                at += length;
                break;
            case 5:
                at += 4;
                break;
            default:
                throw new InvalidDataException($"a message's bytes hold wire type {wireType}, which protobuf no longer writes");
        }
    }
}
