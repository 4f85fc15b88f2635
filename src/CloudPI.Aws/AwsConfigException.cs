namespace CloudPI.Aws;

/// <summary>Why a call failed, which decides whether it is retried and what the user is told.</summary>
public enum AwsConfigErrorKind
{
    /// <summary>A service error such as InvalidParameterValueException or NoSuchConfigRuleException.</summary>
    Service,

    /// <summary>Throttling codes and HTTP 429: retried with back-off.</summary>
    Throttling,

    /// <summary>HTTP 500/502/503/504, request time-outs and socket errors: retried.</summary>
    Transient,

    /// <summary>Access denied or credentials rejected.</summary>
    AuthFailure,

    /// <summary>The endpoint (an emulator such as moto) does not implement the operation.</summary>
    NotImplementedByEndpoint,

    /// <summary>A successful status whose body is not the expected JSON.</summary>
    MalformedResponse,
}

/// <summary>A failed AWS Config call, with the context needed to act on it.</summary>
public sealed class AwsConfigException : Exception
{
    public AwsConfigException(string message, AwsConfigErrorKind kind, string errorCode, string operation, string region, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        Operation = operation;
        Region = region;
    }

    public AwsConfigErrorKind Kind { get; }

    /// <summary>The AWS error code (e.g. ThrottlingException), or the HTTP status when the response named none.</summary>
    public string ErrorCode { get; }

    /// <summary>The operation name, e.g. GetComplianceDetailsByConfigRule.</summary>
    public string Operation { get; }

    public string Region { get; }

    /// <summary>Null when no response arrived (socket error, time-out).</summary>
    public int? StatusCode { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The message as the service sent it, without CloudPI's explanation.</summary>
    public string? ServiceMessage { get; init; }

    /// <summary>The IAM action the call needs.</summary>
    public string Permission => "config:" + Operation;

    public bool IsRetryable => Kind is AwsConfigErrorKind.Throttling or AwsConfigErrorKind.Transient;
}
