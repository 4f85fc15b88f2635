namespace CloudPI.AwsConfig;

/// <summary>An input file of Config results is missing or malformed. The message is one line naming the file and the field or line.</summary>
public sealed class ComplianceInputException : Exception
{
    public ComplianceInputException(string message)
        : base(message)
    {
    }

    public ComplianceInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
