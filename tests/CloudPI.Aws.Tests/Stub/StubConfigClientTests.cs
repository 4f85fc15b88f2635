using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPI.Aws.Tests.Support;

namespace CloudPI.Aws.Tests.Stub;

/// <summary>
/// Operations moto 5.2.1 does not implement, and failure modes moto cannot produce (throttling, 503, access denied,
/// malformed bodies), against <see cref="ConfigStub"/>.
/// </summary>
public sealed class StubConfigClientTests
{
    [Fact]
    public async Task GetAllComplianceDetails_follows_NextToken_through_an_empty_page()
    {
        await using var stub = ConfigStub.Answering(
            StubResponse.Ok($$"""{"EvaluationResults":[{{Evaluation("sg-1")}},{{Evaluation("sg-2")}}],"NextToken":"page-2"}"""),
            StubResponse.Ok("""{"EvaluationResults":[],"NextToken":"page-3"}"""),
            StubResponse.Ok($$"""{"EvaluationResults":[{{Evaluation("sg-3")}}],"NextToken":""}"""));
        using var client = TestClients.For(stub.Endpoint);

        var results = await client.GetAllComplianceDetailsByConfigRuleAsync(new GetComplianceDetailsByConfigRuleRequest
        {
            ConfigRuleName = "restricted-ssh",
            ComplianceTypes = [ComplianceTypes.NonCompliant],
            Limit = 100,
        }).ToListAsync();

        Assert.Equal(["sg-1", "sg-2", "sg-3"], results.Select(r => r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId));
        Assert.Equal([null, "page-2", "page-3"], stub.Requests.Select(r => r.Json.TryGetProperty("NextToken", out var token) ? token.GetString() : null));
        Assert.All(stub.Requests, r => Assert.Equal("restricted-ssh", r.Json.GetProperty("ConfigRuleName").GetString()));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_763_880_012_345), results[0].ResultRecordedTime);
    }

    [Fact]
    public async Task Aggregate_compliance_listing_continues_past_empty_pages_that_carry_a_token()
    {
        await using var stub = ConfigStub.Answering(
            StubResponse.Ok("""{"AggregateComplianceByConfigRules":[],"NextToken":"t1"}"""),
            StubResponse.Ok("""{"AggregateComplianceByConfigRules":[{"ConfigRuleName":"restricted-ssh","AccountId":"111122223333","AwsRegion":"eu-west-1","Compliance":{"ComplianceType":"NON_COMPLIANT","ComplianceContributorCount":{"CappedCount":4,"CapExceeded":false}}}]}"""));
        using var client = TestClients.For(stub.Endpoint);

        var rules = await client.DescribeAllAggregateComplianceByConfigRulesAsync(new DescribeAggregateComplianceByConfigRulesRequest
        {
            ConfigurationAggregatorName = "org",
        }).ToListAsync();

        var rule = Assert.Single(rules);
        Assert.Equal("111122223333", rule.AccountId);
        Assert.Equal(4, rule.Compliance?.ComplianceContributorCount?.CappedCount);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal("StarlingDoveService.DescribeAggregateComplianceByConfigRules", r.Target));
    }

    [Fact]
    public async Task Aggregate_compliance_details_send_the_required_members_and_read_account_and_region()
    {
        await using var stub = ConfigStub.Answering(
            StubResponse.Ok("""{"AggregateEvaluationResults":[{"EvaluationResultIdentifier":{"EvaluationResultQualifier":{"ConfigRuleName":"restricted-ssh","ResourceType":"AWS::EC2::SecurityGroup","ResourceId":"sg-9"}},"ComplianceType":"NON_COMPLIANT","ResultRecordedTime":1763880000,"AccountId":"111122223333","AwsRegion":"eu-west-1"}],"NextToken":"n"}"""),
            StubResponse.Ok("""{"AggregateEvaluationResults":[]}"""));
        using var client = TestClients.For(stub.Endpoint);

        var results = await client.GetAllAggregateComplianceDetailsByConfigRuleAsync(new GetAggregateComplianceDetailsByConfigRuleRequest
        {
            ConfigurationAggregatorName = "org",
            ConfigRuleName = "restricted-ssh",
            AccountId = "111122223333",
            AwsRegion = "eu-west-1",
            ComplianceType = ComplianceTypes.NonCompliant,
        }).ToListAsync();

        var result = Assert.Single(results);
        Assert.Equal(("111122223333", "eu-west-1", "sg-9"), (result.AccountId, result.AwsRegion, result.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId));
        Assert.Equal(
            """{"ConfigurationAggregatorName":"org","ConfigRuleName":"restricted-ssh","AccountId":"111122223333","AwsRegion":"eu-west-1","ComplianceType":"NON_COMPLIANT","NextToken":"n"}""",
            stub.Requests[1].Body);
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        await using var stub = ConfigStub.Answering(
            StubResponse.Error(400, "ThrottlingException", "Rate exceeded"),
            StubResponse.Ok($$"""{"EvaluationResults":[{{Evaluation("sg-1")}}]}"""));
        using var client = TestClients.For(stub.Endpoint);

        var response = await client.GetComplianceDetailsByConfigRuleAsync(new GetComplianceDetailsByConfigRuleRequest { ConfigRuleName = "restricted-ssh" });

        Assert.Single(response.EvaluationResults);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_then_succeeds()
    {
        await using var stub = ConfigStub.Answering(
            new StubResponse(503, "Service Unavailable", "text/plain"),
            StubResponse.Ok("{}"));
        using var client = TestClients.For(stub.Endpoint);

        await client.StartConfigRulesEvaluationAsync(new StartConfigRulesEvaluationRequest { ConfigRuleNames = ["restricted-ssh"] });

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_three_attempts()
    {
        await using var stub = new ConfigStub(_ => StubResponse.Error(503, "ServiceUnavailableException", "try later"));
        using var client = TestClients.For(stub.Endpoint);

        var error = await Assert.ThrowsAsync<AwsConfigException>(() =>
            client.DescribeComplianceByConfigRuleAsync(new DescribeComplianceByConfigRuleRequest()));

        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(AwsConfigErrorKind.Transient, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("ServiceUnavailableException", error.ErrorCode);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        var calls = 0;
        await using var stub = new ConfigStub(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                Thread.Sleep(TimeSpan.FromSeconds(2)); // Far longer than the attempt time-out below.
            }

            return StubResponse.Ok("""{"ConfigRules":[]}""");
        });
        using var client = new AwsConfigClient(TestClients.Options(stub.Endpoint) with { AttemptTimeout = TimeSpan.FromMilliseconds(500) });

        var response = await client.DescribeConfigRulesAsync(new DescribeConfigRulesRequest());

        // The first attempt timed out and a later one succeeded; on a loaded machine the second attempt may time out
        // too, so the count is 2 or 3 (three is the most the client makes).
        Assert.Empty(response.ConfigRules);
        Assert.InRange(stub.Requests.Count, 2, 3);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_a_network_error()
    {
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        var closedPort = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        using var client = new AwsConfigClient(TestClients.Options(closedPort) with { HttpHandler = recorder });

        var error = await Assert.ThrowsAsync<AwsConfigException>(() => client.DescribeConfigRulesAsync(new DescribeConfigRulesRequest()));

        Assert.Equal(AwsConfigErrorKind.Transient, error.Kind);
        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.Null(error.StatusCode);
        Assert.Equal(3, recorder.Sent.Count);
    }

    [Fact]
    public async Task Access_denied_names_the_missing_permission_and_region_and_is_not_retried()
    {
        await using var stub = ConfigStub.Answering(StubResponse.Error(400, "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/audit is not authorized to perform: config:GetComplianceDetailsByConfigRule"));
        using var client = TestClients.For(stub.Endpoint, "eu-west-1");

        var error = await Assert.ThrowsAsync<AwsConfigException>(() =>
            client.GetComplianceDetailsByConfigRuleAsync(new GetComplianceDetailsByConfigRuleRequest { ConfigRuleName = "restricted-ssh" }));

        Assert.Equal(AwsConfigErrorKind.AuthFailure, error.Kind);
        Assert.StartsWith("Access denied: the principal lacks the IAM permission config:GetComplianceDetailsByConfigRule in eu-west-1", error.Message, StringComparison.Ordinal);
        Assert.Equal("GetComplianceDetailsByConfigRule", error.Operation);
        Assert.Equal("stub-request-id", error.RequestId);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Malformed_JSON_in_a_success_names_the_operation()
    {
        await using var stub = ConfigStub.Answering(StubResponse.Ok("""{"EvaluationResults":[{"ComplianceType":"""));
        using var client = TestClients.For(stub.Endpoint);

        var error = await Assert.ThrowsAsync<AwsConfigException>(() =>
            client.GetComplianceDetailsByConfigRuleAsync(new GetComplianceDetailsByConfigRuleRequest { ConfigRuleName = "restricted-ssh" }));

        Assert.Equal(AwsConfigErrorKind.MalformedResponse, error.Kind);
        Assert.StartsWith("The response to GetComplianceDetailsByConfigRule", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Requests_are_signed_AWS_JSON_1_1_posts()
    {
        await using var stub = ConfigStub.Answering(StubResponse.Ok(""), StubResponse.Ok("""{"ConfigurationRecorders":[]}"""));
        using var client = TestClients.For(stub.Endpoint, "eu-west-1");

        await client.StartConfigRulesEvaluationAsync(new StartConfigRulesEvaluationRequest { ConfigRuleNames = ["restricted-ssh"] });
        await client.DescribeConfigurationRecordersAsync(new DescribeConfigurationRecordersRequest());

        var start = stub.Requests[0];
        Assert.Equal("POST", start.Method);
        Assert.Equal("/", start.Path);
        Assert.Equal("application/x-amz-json-1.1", start.Headers["Content-Type"]);
        Assert.Equal("StarlingDoveService.StartConfigRulesEvaluation", start.Target);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", start.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/config/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=",
            start.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", start.Headers["X-Amz-Date"]);
        Assert.Equal("""{"ConfigRuleNames":["restricted-ssh"]}""", start.Body);
        Assert.Equal("{}", stub.Requests[1].Body);
        Assert.Equal("StarlingDoveService.DescribeConfigurationRecorders", stub.Requests[1].Target);
    }

    [Fact]
    public async Task BatchGetAll_sends_at_most_100_keys_and_resends_the_unprocessed_ones()
    {
        var keys = Enumerable.Range(0, 150).Select(i => new ResourceKey { ResourceType = "AWS::S3::Bucket", ResourceId = $"bucket-{i:D3}" }).ToList();
        var firstCall = true;
        await using var stub = new ConfigStub(request =>
        {
            var sent = request.Json.GetProperty("resourceKeys").EnumerateArray().Select(k => k.GetProperty("resourceId").GetString()!).ToList();
            // The first call leaves its last 10 keys unprocessed.
            var processed = firstCall ? sent[..^10] : sent;
            var unprocessed = sent.Except(processed);
            firstCall = false;
            return StubResponse.Ok(new JsonObject
            {
                ["baseConfigurationItems"] = new JsonArray([.. processed.Select(id => new JsonObject
                {
                    ["resourceType"] = "AWS::S3::Bucket", ["resourceId"] = id, ["configurationItemCaptureTime"] = 1.7e9,
                })]),
                ["unprocessedResourceKeys"] = new JsonArray([.. unprocessed.Select(id => new JsonObject { ["resourceType"] = "AWS::S3::Bucket", ["resourceId"] = id })]),
            }.ToJsonString());
        });
        using var client = TestClients.For(stub.Endpoint);

        var items = await client.BatchGetAllResourceConfigsAsync(keys).ToListAsync();

        Assert.Equal(keys.Select(k => k.ResourceId).Order(StringComparer.Ordinal), items.Select(i => i.ResourceId).Order(StringComparer.Ordinal));
        Assert.Equal([100, 10, 50], stub.Requests.Select(r => r.Json.GetProperty("resourceKeys").GetArrayLength()));
    }

    [Fact]
    public async Task ComplianceCollector_lists_non_compliant_results_per_region_and_reports_missing_rules()
    {
        await using var stub = new ConfigStub(request =>
        {
            var rule = request.Json.GetProperty("ConfigRuleName").GetString();
            var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
            return (request.SigningRegion, rule, token) switch
            {
                ("eu-west-1", "sqs-queue-no-public-access", _) =>
                    StubResponse.Error(400, "NoSuchConfigRuleException", "The ConfigRule 'sqs-queue-no-public-access' provided in the request is invalid."),
                (var region, _, null) => StubResponse.Ok($$"""{"EvaluationResults":[{{Evaluation($"{region}-{rule}-1")}}],"NextToken":"more"}"""),
                (var region, _, _) => StubResponse.Ok($$"""{"EvaluationResults":[{{Evaluation($"{region}-{rule}-2")}}]}"""),
            };
        });
        using var euWest1 = TestClients.For(stub.Endpoint, "eu-west-1");
        using var usEast1 = TestClients.For(stub.Endpoint, "us-east-1");

        var collection = await new ComplianceCollector(maxConcurrency: 3).CollectNonCompliantAsync([usEast1, euWest1], ["restricted-ssh", "sqs-queue-no-public-access"]);

        Assert.Equal(
            ["eu-west-1-restricted-ssh-1", "eu-west-1-restricted-ssh-2", "us-east-1-restricted-ssh-1", "us-east-1-restricted-ssh-2",
             "us-east-1-sqs-queue-no-public-access-1", "us-east-1-sqs-queue-no-public-access-2"],
            collection.Evaluations.Select(e => e.Result.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId));
        Assert.All(collection.Evaluations, e => Assert.StartsWith(e.Region, e.Result.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId, StringComparison.Ordinal));
        Assert.Equal([new MissingRule("eu-west-1", "sqs-queue-no-public-access")], collection.MissingRules);
        Assert.All(stub.Requests, r => Assert.Equal("NON_COMPLIANT", r.Json.GetProperty("ComplianceTypes")[0].GetString()));
    }

    /// <summary>One NON_COMPLIANT EvaluationResult as the botocore model shapes it, with a fractional timestamp and a member the client does not know.</summary>
    private static string Evaluation(string resourceId) => $$$"""
        {"EvaluationResultIdentifier":{"EvaluationResultQualifier":{"ConfigRuleName":"restricted-ssh","ResourceType":"AWS::EC2::SecurityGroup",
        "ResourceId":"{{{resourceId}}}","EvaluationMode":"DETECTIVE"},"OrderingTimestamp":1.763880000E9},
        "ComplianceType":"NON_COMPLIANT","ResultRecordedTime":1.763880012345E9,"ConfigRuleInvokedTime":1763880000,
        "Annotation":"port 22 open to 0.0.0.0/0","FutureMember":{"x":1}}
        """;
}
