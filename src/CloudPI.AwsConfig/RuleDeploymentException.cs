namespace CloudPI.AwsConfig;

/// <summary>Managed rules cannot be deployed (no configuration recorder in a region). The message says what to do.</summary>
public sealed class RuleDeploymentException : Exception
{
    public RuleDeploymentException(string message)
        : base(message)
    {
    }

    public RuleDeploymentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
