using CloudPI.TestSupport;

namespace CloudPI.Aws.Testing;

/// <summary>
/// The aws CLI against moto, as a pipeline runs it: the CLI checks the parameters against botocore's model before it
/// sends them, and moto checks them again as the service would.
/// </summary>
public static class AwsCli
{
    public const string Executable = "aws";

    /// <summary>Only the dummy credentials: nothing from the developer's own profile or credentials file.</summary>
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = AwsTestEnvironment.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = AwsTestEnvironment.SecretAccessKey,
        ["AWS_CONFIG_FILE"] = Path.Combine(Path.GetTempPath(), "cloudpi-no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "cloudpi-no-aws-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PAGER"] = string.Empty,

        // botocore gzips request bodies over 10 KB, which moto_server 5.2.1 then fails to read (HTTP 500).
        ["AWS_DISABLE_REQUEST_COMPRESSION"] = "true",
    };

    /// <summary>Why the CLI tests cannot run here (no moto_server or no aws CLI), or null when they can.</summary>
    public static string? MissingReason =>
        MotoServer.MissingReason ?? (ExternalProcess.IsOnPath(Executable) ? null : $"{Executable} is not on PATH (pip install awscli)");

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(Uri endpoint, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return ExternalProcess.RunAsync(Executable, [.. arguments, "--endpoint-url", endpoint.ToString(), "--region", "us-east-1", "--output", "json"], environment: Environment);
    }
}

/// <summary>A test that runs the aws CLI against moto_server: skipped when either is missing, except in CI (CI=true).</summary>
public sealed class AwsCliFactAttribute() : ToolFactAttribute(AwsCli.MissingReason);
