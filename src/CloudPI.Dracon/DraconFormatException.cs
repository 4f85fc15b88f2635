namespace CloudPI.Dracon;

/// <summary>A Dracon file is missing, unreadable or not the message it should be. The message names the file.</summary>
public sealed class DraconFormatException : Exception
{
    public DraconFormatException(string message)
        : base(message)
    {
    }

    public DraconFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
