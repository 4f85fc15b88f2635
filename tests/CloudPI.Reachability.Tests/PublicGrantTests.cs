using CloudPI.Reachability;
using CloudPI.Controls;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// Resources public by policy, ACL or attribute: reachable when a grant lets anyone in now, through the AWS API
/// (tcp/443). Block Public Access is named in the evidence per mechanism; the exploitability enricher applies it.
/// </summary>
public class PublicGrantTests
{
    private const string Everyone = "\"*\"";

    [Fact]
    public void Bucket_with_a_public_policy_statement_is_reachable_and_names_it()
    {
        var result = new CartographyGraph().Bucket("b1", anonymousAccess: true).BucketStatement("b1", 1, "{\"AWS\":\"*\"}").Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → s3 policy b1/policy_statement/1 → b1", result.Path);
        Assert.Equal(["tcp/443"], result.OpenPorts.Select(p => p.Traffic.ToString()));
        Assert.Contains("remove the public principal from b1/policy_statement/1", result.Fix);
    }

    [Fact]
    public void Bucket_public_only_from_a_source_ip_condition_is_a_restricted_exposure()
    {
        var result = new CartographyGraph().Bucket("b1")
            .BucketStatement("b1", 1, Everyone, "{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\"]}}").Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.RestrictedExposure, result.Verdict);
        Assert.Equal(["203.0.113.0/24"], result.AllowedRanges);
    }

    [Theory]
    [InlineData("{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}")]
    [InlineData("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}")]
    public void Bucket_policy_tied_to_an_endpoint_or_organisation_is_not_public(string condition)
    {
        var result = new CartographyGraph().Bucket("b1").BucketStatement("b1", 1, Everyone, condition).Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("1 policy statement(s), none allows a public principal", result.Summary);
    }

    [Fact]
    public void Bucket_granting_one_account_or_a_deny_is_not_public()
    {
        var result = new CartographyGraph().Bucket("b1")
            .BucketStatement("b1", 1, "{\"AWS\":\"arn:aws:iam::444455556666:root\"}")
            .BucketStatement("b1", 2, Everyone, effect: "Deny").Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ b1", result.Path);
    }

    [Fact]
    public void Bucket_allow_overridden_by_an_unconditional_deny_to_everyone_is_not_public()
    {
        var result = new CartographyGraph().Bucket("b1")
            .BucketStatement("b1", 1, Everyone, action: "s3:GetObject")
            .BucketStatement("b1", 2, Everyone, effect: "Deny", action: "s3:*").Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
    }

    [Fact]
    public void Bucket_acl_grant_to_all_users_is_reachable_and_block_public_access_is_named_per_mechanism()
    {
        var result = new CartographyGraph().Bucket("b1", true, ("block_public_policy", true), ("object_ownership", "ObjectWriter"))
            .BucketAcl("b1", "AllUsers", "READ")
            .AccountPublicAccessBlock(("ignore_public_acls", true), ("restrict_public_buckets", false))
            .Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → s3 acl AllUsers READ → b1", result.Path);
        Assert.Contains(result.Evidence, s => s.Decision == EvidenceDecision.Note
            && s.Reason.StartsWith("ignore_public_acls on the account's public access block 111122223333:us-east-1 neutralises public ACL grants", StringComparison.Ordinal));
        // block_public_policy is about policies, and stops only new ones: not listed against an ACL grant.
        Assert.DoesNotContain(result.Evidence, s => s.Reason.Contains("block_public_policy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_private_bucket_served_by_an_enabled_cloudfront_distribution_is_reachable_through_it()
    {
        var graph = new CartographyGraph().Bucket("b1").Bucket("b2")
            .Node("arn:cf:dist-1", ["AWSCloudFrontDistribution", "CloudFrontDistribution"], ("domain_name", "d1.cloudfront.net"), ("enabled", true), ("web_acl_id", "waf-1"))
            .Node("arn:cf:dist-2", ["AWSCloudFrontDistribution", "CloudFrontDistribution"], ("domain_name", "d2.cloudfront.net"), ("enabled", false))
            .Edge("arn:cf:dist-1", "SERVES_FROM", "b1").Edge("arn:cf:dist-2", "SERVES_FROM", "b2").Check();

        var served = graph.Reach("b1", null);
        var disabled = graph.Reach("b2", null);

        Assert.Equal(ReachabilityVerdict.Reachable, served.Verdict);
        Assert.Equal("internet → cloudfront d1.cloudfront.net → b1", served.Path);
        Assert.Contains("behind web ACL waf-1", served.Evidence[^1].Reason);
        Assert.Equal(ReachabilityVerdict.NotReachable, disabled.Verdict);
        Assert.Contains("no enabled CloudFront distribution serves it", disabled.Summary);
        Assert.Contains(disabled.Evidence, s => s.Reason == "CloudFront distribution arn:cf:dist-2 serves from b2 but is disabled");
    }

    [Fact]
    public void Bucket_with_block_public_policy_on_says_it_stops_only_new_policies()
    {
        var result = new CartographyGraph().Bucket("b1", true, ("block_public_policy", true)).BucketStatement("b1", 1, Everyone).Check().Reach("b1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("block_public_policy is on, but it only stops new public policy grants", StringComparison.Ordinal));
    }

    [Fact]
    public void Bucket_with_nothing_recorded_is_unknown_and_without_grants_is_not_reachable()
    {
        var graph = new CartographyGraph().Bucket("unread", anonymousAccess: null).Bucket("private").Check();

        var unread = graph.Reach("unread", null);
        var closed = graph.Reach("private", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.Unknown, unread.Verdict);
        Assert.Contains(unread.Missing, m => m.StartsWith("the policy and ACL of unread", StringComparison.Ordinal));
        Assert.Equal(ReachabilityVerdict.NotReachable, closed.Verdict);
        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Ssh("private").Verdict);
        Assert.Contains("used through the AWS API over tcp/443 only", graph.Ssh("private").Summary);
    }

    [Fact]
    public void Lambda_public_by_policy_is_reachable_and_private_by_policy_is_not()
    {
        var graph = new CartographyGraph().Function("arn:aws:lambda:us-east-1:1:function:open", true)
            .Function("arn:aws:lambda:us-east-1:1:function:closed", false).Check();

        var open = graph.Reach("arn:aws:lambda:us-east-1:1:function:open", null);
        var closed = graph.Reach("arn:aws:lambda:us-east-1:1:function:closed", null);

        Assert.Equal(ReachabilityVerdict.Reachable, open.Verdict);
        Assert.Equal("internet → lambda policy → arn:aws:lambda:us-east-1:1:function:open", open.Path);
        Assert.Contains("function URL with auth type NONE", open.Evidence[^1].Reason);
        Assert.Equal(ReachabilityVerdict.NotReachable, closed.Verdict);
        Assert.Contains("grants no public principal", closed.Summary);
    }

    [Fact]
    public void Lambda_behind_a_public_rest_api_without_authorization_is_reachable_through_it()
    {
        const string Fn = "arn:aws:lambda:us-east-1:1:function:api";
        var graph = new CartographyGraph().Function(Fn, false)
            .RestApi("api-open", "REGIONAL", "/orders", Fn + ":live", "NONE")
            .RestApi("api-iam", "EDGE", "/admin", Fn, "AWS_IAM")
            .Check();

        var result = graph.Reach(Fn, null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal($"internet → api api-open /orders → {Fn}", result.Path);
        Assert.Contains("require an authorizer", result.Fix);
    }

    [Fact]
    public void Lambda_behind_only_a_private_or_authorised_api_is_not_reachable_and_http_apis_make_it_unknown()
    {
        const string Fn = "arn:aws:lambda:us-east-1:1:function:api";
        static CartographyGraph Apis() => new CartographyGraph().Function(Fn, false)
            .RestApi("api-private", "PRIVATE", "/orders", Fn, "NONE")
            .RestApi("api-iam", "EDGE", "/admin", Fn, "AWS_IAM");
        var closed = Apis().Check().Reach(Fn, null);
        var withHttpApi = Apis().Node("v2-1", ["AWSAPIGatewayV2API"], ("protocoltype", "HTTP")).Check().Reach(Fn, null);
        var withoutPolicy = new CartographyGraph().Function(Fn, null).Node("v2-1", ["AWSAPIGatewayV2API"], ("protocoltype", "HTTP")).Check().Reach(Fn, null);

        Assert.Equal(ReachabilityVerdict.NotReachable, closed.Verdict);
        Assert.Equal(ReachabilityVerdict.Unknown, withHttpApi.Verdict);
        Assert.Contains(withHttpApi.Missing, m => m.StartsWith("whether an HTTP or WebSocket API (API Gateway v2) invokes", StringComparison.Ordinal));
        // No resource policy: no API can have been granted invoke.
        Assert.Equal(ReachabilityVerdict.NotReachable, withoutPolicy.Verdict);
    }

    [Fact]
    public void Queue_policy_open_to_everyone_is_reachable_and_one_tied_to_a_source_arn_is_not()
    {
        var graph = new CartographyGraph()
            .Node("q-open", ["AWSSQSQueue", "SQSQueue"], ("policy", "{\"Statement\":[{\"Sid\":\"all\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:SendMessage\"}]}"))
            .Node("q-sns", ["AWSSQSQueue", "SQSQueue"], ("policy", "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:SendMessage\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:1:t\"}}}}"))
            .Node("q-none", ["AWSSQSQueue", "SQSQueue"])
            .Node("q-bad", ["AWSSQSQueue", "SQSQueue"], ("policy", "{not json"))
            .Check();

        Assert.Equal("internet → sqs policy → q-open", graph.Reach("q-open", null).Path);
        Assert.Equal(ReachabilityVerdict.Reachable, graph.Reach("q-open", null).Verdict);
        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Reach("q-sns", null).Verdict);
        Assert.Contains("no queue policy", graph.Reach("q-none", null).Summary);
        Assert.Equal(ReachabilityVerdict.Unknown, graph.Reach("q-bad", null).Verdict);
    }

    [Fact]
    public void Keys_and_snapshots_follow_their_public_flag_and_are_unknown_when_it_is_null()
    {
        var graph = new CartographyGraph()
            .Node("key-open", ["AWSKMSKey", "KMSKey"], ("anonymous_access", true))
            .Node("key-unread", ["AWSKMSKey", "KMSKey"])
            .Node("snap-public", ["AWSEBSSnapshot", "EBSSnapshot"], ("ispublic", true))
            .Node("snap-private", ["AWSEBSSnapshot", "EBSSnapshot"], ("ispublic", false))
            .Node("rds-snap", ["AWSRDSSnapshot", "RDSSnapshot"], ("ispublic", true))
            .Node("rds-unread", ["AWSRDSSnapshot", "RDSSnapshot"])
            .Check();

        Assert.Equal(ReachabilityVerdict.Reachable, graph.Reach("key-open", null).Verdict);
        Assert.Contains(graph.Reach("key-unread", null).Missing, m => m.StartsWith("the key policy of key-unread", StringComparison.Ordinal));
        Assert.Equal("internet → public snapshot → snap-public", graph.Reach("snap-public", null).Path);
        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Reach("snap-private", null).Verdict);
        Assert.Contains("anyone can restore it", graph.Reach("rds-snap", null).Evidence[^1].Reason);
        Assert.Equal(ReachabilityVerdict.Unknown, graph.Reach("rds-unread", null).Verdict);
    }

    [Fact]
    public void Topics_and_repositories_are_unknown_because_cartography_stores_no_policy()
    {
        var graph = new CartographyGraph().Node("topic-1", ["AWSSNSTopic", "SNSTopic"]).Node("repo-1", ["AWSECRRepository", "ECRRepository"]).Check();

        Assert.Equal(["the access policy of topic-1 (Cartography does not store SNS topic policies)"], graph.Reach("topic-1", null).Missing);
        Assert.Equal(["the access policy of repo-1 (Cartography does not store ECR repository policies)"], graph.Reach("repo-1", null).Missing);
    }
}
