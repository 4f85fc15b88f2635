using CloudPI.Commands.Enrichers;

namespace CloudPI.Commands.Tests;

/// <summary>How the enrichers read the account an issue's target names, to decide whether to analyse account by account.</summary>
public sealed class AccountNamingTests
{
    [Theory]
    [InlineData("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "111122223333")]
    [InlineData("arn:aws:iam::111122223333:role/app", "111122223333")]
    [InlineData("arn:aws:s3:::bucket-name", null)] // S3 ARNs name no account
    [InlineData("arn:aws:ec2:us-east-1:111122223333", null)] // no resource field: not an ARN
    [InlineData("arn:aws", null)]
    [InlineData("AWS::EC2::Instance/i-0abc@111122223333/us-east-1", "111122223333")]
    [InlineData("AWS::S3::Bucket/logs@444455556666", "444455556666")]
    [InlineData("AWS::S3::Bucket/logs@/us-east-1", null)]
    [InlineData("i-0abc", null)]
    [InlineData(null, null)]
    public void Reads_the_account_an_arn_or_fallback_target_names(string? target, string? account) =>
        Assert.Equal(account, AccountPartition.ArnAccount(target));

    [Fact]
    public void Several_accounts_are_two_different_named_accounts_whatever_else_the_targets_name()
    {
        string?[] one = ["arn:aws:ec2:us-east-1:111122223333:instance/i-1", "i-2", null, "arn:aws:s3:::b", "AWS::S3::Bucket/l@111122223333/us-east-1"];
        Assert.False(AccountPartition.NamesSeveralAccounts(one));
        Assert.False(AccountPartition.NamesSeveralAccounts([]));
        Assert.True(AccountPartition.NamesSeveralAccounts([.. one, "arn:aws:iam::444455556666:role/r"]));
        Assert.True(AccountPartition.NamesSeveralAccounts(["AWS::S3::Bucket/l@444455556666", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"]));
    }
}
