namespace CloudPI.Aws.Testing;

/// <summary>
/// Dummy credentials for the stub and moto tests, and no IMDS lookups. Every test sets the same values, so tests
/// running in parallel cannot disturb each other.
/// </summary>
public static class AwsTestEnvironment
{
    public const string AccessKeyId = "test";
    public const string SecretAccessKey = "test";

    public static void UseDummyCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
