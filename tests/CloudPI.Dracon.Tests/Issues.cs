using Google.Protobuf.WellKnownTypes;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

/// <summary>Small Dracon messages for tests.</summary>
internal static class Issues
{
    public static Issue SshIssue(string target = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0abc1234") => new()
    {
        Target = target,
        Type = "restricted-ssh",
        Title = "Security group allows SSH from the internet",
        Severity = Severity.High,
        Source = "unknown",
    };

    public static LaunchToolResponse Response(string toolName, string scanId, params Issue[] issues)
    {
        var response = new LaunchToolResponse
        {
            ToolName = toolName,
            ScanInfo = new ScanInfo { ScanUuid = scanId, ScanStartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 10, 18, 10, 0, 0, TimeSpan.Zero)) },
        };
        response.Issues.AddRange(issues);
        return response;
    }
}
