namespace CloudPI.Aws.Transport;

/// <summary>Repeats an attempt while it fails with a retryable <see cref="AwsConfigException"/> and attempts remain.</summary>
internal sealed class AwsRetryStrategy(AwsRetryOptions options)
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsConfigException error) when (error.IsRetryable && attemptNumber < options.MaxAttempts)
            {
                await Task.Delay(BackoffBefore(attemptNumber), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Full jitter: clients that failed together do not retry together.</summary>
    internal TimeSpan BackoffBefore(int retryNumber)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, retryNumber - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
