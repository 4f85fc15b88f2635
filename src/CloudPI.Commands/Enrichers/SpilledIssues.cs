using CloudPI.Dracon.Enrichers;
using Google.Protobuf;
using Microsoft.Win32.SafeHandles;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// Enriched issues kept serialised in a <see cref="TemporaryFile"/>, by input and position, until they are written in
/// input order: an organisation's accounts finish in any order, and holding every enriched issue in memory until then
/// would make the peak grow with the organisation's issues. Only each issue's offset and length stay in memory.
/// </summary>
internal sealed class SpilledIssues : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly long[][] _offsets;
    private readonly int[][] _lengths;
    private readonly string?[][] _uuids;
    private readonly string?[][] _emptyAnnotations;
    private long _end;

    /// <summary>The temporary file's name: already gone on Unix, gone once this is disposed on Windows.</summary>
    public string FilePath { get; }

    /// <param name="counts">How many issues each input has.</param>
    public SpilledIssues(IEnumerable<int> counts)
    {
        var sizes = counts.ToArray();
        _offsets = [.. sizes.Select(count => new long[count])];
        _lengths = [.. sizes.Select(count => new int[count])];
        _uuids = [.. sizes.Select(count => new string?[count])];
        _emptyAnnotations = [.. sizes.Select(count => new string?[count])];
        (_file, FilePath) = TemporaryFile.Open("enriched");
    }

    /// <summary>Keeps the enriched issue at <paramref name="index"/> of input <paramref name="input"/>; safe from several threads.</summary>
    public void Add(int input, int index, EncodedIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var bytes = issue.Bytes;
        var offset = Interlocked.Add(ref _end, bytes.Length) - bytes.Length;
        RandomAccess.Write(_file, bytes.Span, offset);
        _offsets[input][index] = offset;
        _lengths[input][index] = bytes.Length;
        // What the writer checks stays in memory (the uuid is the input issue's own string), so the bytes need no parsing.
        _uuids[input][index] = issue.RawIssueUuid;
        _emptyAnnotations[input][index] = issue.EmptyAnnotation;
        issue.Release();
    }

    /// <summary>The enriched issues of input <paramref name="input"/> in input order, read back one at a time.</summary>
    public IEnumerable<EncodedIssue> Read(int input)
    {
        for (var index = 0; index < _offsets[input].Length; index++)
        {
            var length = _lengths[input][index];
            var buffer = EncodedIssue.Pool.Rent(length);
            TemporaryFile.ReadExactly(_file, buffer.AsSpan(0, length), _offsets[input][index], "enriched issues");

            yield return EncodedIssue.FromRented(buffer, length, _uuids[input][index], _emptyAnnotations[input][index]);
        }
    }

    public void Dispose() => _file.Dispose();
}
