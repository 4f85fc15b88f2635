using CloudPI.Enrichers;
using CloudPI.Graph;

namespace CloudPI.Commands.Tests;

public class ResourceResolverTests
{
    [Theory]
    [InlineData("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "i-0abc")]
    [InlineData("arn:aws:rds:eu-west-1:111122223333:db:orders", "orders")]
    [InlineData("arn:aws:s3:::my-bucket", "my-bucket")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:f/with:colon", "f/with:colon")]
    [InlineData("arn:aws:ec2:us-east-1:111122223333:security-group/sg-1:extra", "sg-1:extra")]
    [InlineData("arn:aws:iam::111122223333:", "")]
    [InlineData("AWS::EC2::Instance/i-0abc@111122223333/us-east-1", "i-0abc")]
    [InlineData("AWS::S3::Bucket/logs", "logs")]
    public void The_name_inside_an_arn_or_a_fallback_target_is_the_part_after_its_type(string target, string name)
    {
        Assert.Equal(name, ResourceResolver.NameInside(target));
        Assert.Equal([target, name], ResourceResolver.Candidates(target));
    }

    [Theory]
    [InlineData("arn:aws:ec2:us-east-1")]
    [InlineData("i-0abc")]
    [InlineData("AWS::EC2::Instance")]
    public void A_target_without_a_name_inside_is_its_only_candidate(string target)
    {
        Assert.Null(ResourceResolver.NameInside(target));
        Assert.Equal([target], ResourceResolver.Candidates(target));
    }

    [Fact]
    public void A_target_resolves_by_id_then_arn_then_the_name_inside_it()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("1", ["EC2Instance"], [new("id", "i-0abc")]);
        builder.AddNode("2", ["S3Bucket"], [new("id", "logs"), new("arn", "arn:aws:s3:::logs")]);
        var resolver = new ResourceResolver(builder.Build());

        Assert.True(resolver.TryResolve(" arn:aws:ec2:us-east-1:111122223333:instance/i-0abc ", out var instance));
        Assert.Equal("i-0abc", instance.Id);
        Assert.True(resolver.TryResolve("arn:aws:s3:::logs", out var bucket));
        Assert.Equal("logs", bucket.Id);
        Assert.True(resolver.TryResolve("i-0abc", out _));
        Assert.False(resolver.TryResolve("arn:aws:ec2:us-east-1:111122223333:instance/i-missing", out _));
        Assert.False(resolver.TryResolve("arn:aws:ec2", out _));
        Assert.False(resolver.TryResolve("  ", out _));
    }
}
