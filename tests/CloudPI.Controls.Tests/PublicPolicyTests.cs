using System.Text.Json;
using CloudPI.Controls.Policies;

namespace CloudPI.Controls.Tests;

/// <summary>When a resource policy lets anyone in: shared by the graph's reachability and (next) the IaC checks.</summary>
public class PublicPolicyTests
{
    [Theory]
    [InlineData("\"*\"", true)]
    [InlineData("{\"AWS\":\"*\"}", true)]
    [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::*:root\"}", true)]
    [InlineData("{\"CanonicalUser\":\"*\"}", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", false)]
    [InlineData("{\"Service\":\"lambda.amazonaws.com\"}", false)]
    [InlineData("{\"Service\":\"*\"}", false)]
    public void Public_principals(string principal, bool expected)
    {
        using var json = JsonDocument.Parse(principal);

        Assert.Equal(expected, PublicPolicy.IsPublicPrincipal(json.RootElement));
    }

    [Theory]
    [InlineData("{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}", true)]
    [InlineData("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", true)]
    [InlineData("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}", true)]
    [InlineData("{\"ForAnyValue:StringLike\":{\"aws:SourceVpce\":[\"vpce-1\"]}}", true)]
    [InlineData("{\"StringEquals\":{\"aws:SourceAccount\":\"*\"}}", false)]
    [InlineData("{\"StringEquals\":{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}", false)]
    [InlineData("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", false)]
    public void Restrictive_conditions(string condition, bool expected)
    {
        using var json = JsonDocument.Parse(condition);

        Assert.Equal(expected, PublicPolicy.HasRestrictiveCondition(json.RootElement, []));
    }

    [Fact]
    public void Source_ip_conditions_keep_a_grant_public_but_name_its_ranges()
    {
        const string Policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"office","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}},
              {"Sid":"anywhere","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}},
              {"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """;

        var statements = PublicPolicy.PublicStatements(Policy);

        Assert.Equal([1, 2], statements.Select(s => s.Index));
        Assert.Equal(["203.0.113.0/24"], statements[0].SourceIpRanges);
        Assert.False(statements[0].IsOpenToEveryone);
        Assert.True(statements[1].IsOpenToEveryone);
        Assert.Equal("anywhere", statements[1].Sid);
    }

    [Fact]
    public void A_lambda_permission_for_a_service_limited_by_its_source_is_not_public()
    {
        const string Policy = """
            {"Statement":{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction",
              "Condition":{"StringEquals":{"AWS:SourceAccount":"111122223333"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b"}}}}
            """;

        Assert.Empty(PublicPolicy.PublicStatements(Policy));
    }

    [Fact]
    public void An_unconditional_deny_to_everyone_overrides_the_allows_it_covers()
    {
        const string Policy = """
            {"Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject"},
              {"Effect":"Allow","Principal":"*","Action":["s3:PutObject","sqs:SendMessage"]},
              {"Effect":"Deny","Principal":{"AWS":"*"},"Action":["s3:*"]},
              {"Effect":"Deny","Principal":"*","Action":"sqs:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """;

        var statements = PublicPolicy.PublicStatements(Policy);

        // s3:* covers the first Allow entirely, the second only in part; the conditional Deny overrides nothing.
        Assert.Equal([2], statements.Select(s => s.Index));
        Assert.True(ActionPattern.Matches("s3:Get*", "s3:GetObject"));
        Assert.False(ActionPattern.Matches("s3:Get*", "s3:PutObject"));
    }

    [Fact]
    public void A_document_without_statements_grants_nothing_and_bad_json_throws()
    {
        Assert.Empty(PublicPolicy.PublicStatements("{}"));
        Assert.ThrowsAny<JsonException>(() => PublicPolicy.PublicStatements("{not json"));
    }
}
