namespace CloudPI.Bolt.Testing;

/// <summary>What <see cref="SimulatedNeo4j"/> answers to one RUN: fields and rows, or a FAILURE.</summary>
public sealed record SimulatedResult
{
    private SimulatedResult(IReadOnlyList<string> fields, IEnumerable<IReadOnlyList<object?>> rows, (string Code, string Message)? failure)
    {
        Fields = fields;
        Rows = rows;
        Failure = failure;
    }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>Rows, produced lazily as PULLs ask for them; a row instance repeated back-to-back is encoded once.</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows { get; }

    public (string Code, string Message)? Failure { get; }

    /// <summary>When set, the server cuts the connection (no summary) after sending this many records.</summary>
    public int? DropConnectionAfter { get; init; }

    public static SimulatedResult Of(IReadOnlyList<string> fields, IEnumerable<IReadOnlyList<object?>> rows) => new(fields, rows, null);

    /// <summary>The same row <paramref name="count"/> times (for throughput runs: the server encodes it once).</summary>
    public static SimulatedResult Repeat(IReadOnlyList<string> fields, IReadOnlyList<object?> row, long count) =>
        new(fields, RepeatRow(row, count), null);

    public static SimulatedResult Fail(string code, string message) => new([], [], (code, message));

    private static IEnumerable<IReadOnlyList<object?>> RepeatRow(IReadOnlyList<object?> row, long count)
    {
        for (var i = 0L; i < count; i++)
        {
            yield return row;
        }
    }
}
