namespace CloudPI.Aws;

/// <summary>The AWS SDKs' "standard" retry mode: a few attempts, exponential back-off with full jitter, capped.</summary>
public sealed record AwsRetryOptions
{
    /// <summary>Attempts in total, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The back-off before retry n is random in [0, min(MaxDelay, BaseDelay * 2^(n-1))).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);
}
