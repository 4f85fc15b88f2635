using CloudPI.Iac.Policies;

namespace CloudPI.Iac.Tests;

public sealed class IamPolicyTests
{
    [Theory]
    [InlineData("*", "s3:GetObject", true)]
    [InlineData("s3:*", "s3:GetObject", true)]
    [InlineData("S3:get*", "s3:GetObject", true)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:*Object", "s3:PutObject", true)]
    [InlineData("s3:Put*", "s3:GetObject", false)]
    [InlineData("sqs:*", "s3:GetObject", false)]
    [InlineData("s3:GetObject", "s3:GetObjectAcl", false)]
    public void Action_wildcards(string pattern, string action, bool expected) =>
        Assert.Equal(expected, CloudPI.Controls.Policies.ActionPattern.Matches(pattern, action));
}
