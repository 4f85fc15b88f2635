namespace CloudPI.Graph.Apoc;

/// <summary>A graph file that cannot be read; the message reads <c>file:line: what is wrong</c>.</summary>
public sealed class GraphFormatException : Exception
{
    public GraphFormatException(string sourceName, long lineNumber, string problem, Exception? innerException = null)
        : base($"{sourceName}:{lineNumber}: {problem}", innerException)
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>A problem of the whole source rather than of one line.</summary>
    public GraphFormatException(string sourceName, string problem)
        : base($"{sourceName}: {problem}")
    {
        SourceName = sourceName;
        Problem = problem;
    }

    public string SourceName { get; }

    /// <summary>1-based line of the offending record.</summary>
    public long LineNumber { get; }

    public string Problem { get; } = string.Empty;
}
