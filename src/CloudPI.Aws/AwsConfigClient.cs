using CloudPI.Aws.Transport;

namespace CloudPI.Aws;

/// <summary>AWS Config over AWS JSON 1.1, signed with AWSSDK.Core, with standard-mode retries. One instance per region.</summary>
public sealed class AwsConfigClient : IAwsConfigClient, IDisposable
{
    private static readonly AwsConfigJsonContext Json = AwsConfigJsonContext.Default;
    private readonly HttpClient _httpClient;
    private readonly AwsJsonTransport _transport;

    public AwsConfigClient(AwsConfigClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Region = options.Region.SystemName;
        var endpoint = ConfigEndpoint.Resolve(options.Region, options.EndpointUrl);
        var signing = new SigV4Handler(options.Credentials, options.Region, options.SigningClock, options.HttpHandler ?? new SocketsHttpHandler());
        _httpClient = new HttpClient(signing) { Timeout = options.AttemptTimeout };
        _transport = new AwsJsonTransport(_httpClient, endpoint, Region, new AwsRetryStrategy(options.Retry));
    }

    public string Region { get; }

    public Task<DescribeConfigRulesResponse> DescribeConfigRulesAsync(DescribeConfigRulesRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeConfigRules", request, Json.DescribeConfigRulesRequest, Json.DescribeConfigRulesResponse, cancellationToken);

    public Task<DescribeComplianceByConfigRuleResponse> DescribeComplianceByConfigRuleAsync(DescribeComplianceByConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeComplianceByConfigRule", request, Json.DescribeComplianceByConfigRuleRequest, Json.DescribeComplianceByConfigRuleResponse, cancellationToken);

    public Task<GetComplianceDetailsByConfigRuleResponse> GetComplianceDetailsByConfigRuleAsync(GetComplianceDetailsByConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("GetComplianceDetailsByConfigRule", request, Json.GetComplianceDetailsByConfigRuleRequest, Json.GetComplianceDetailsByConfigRuleResponse, cancellationToken);

    public Task<DescribeConfigurationRecordersResponse> DescribeConfigurationRecordersAsync(DescribeConfigurationRecordersRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeConfigurationRecorders", request, Json.DescribeConfigurationRecordersRequest, Json.DescribeConfigurationRecordersResponse, cancellationToken);

    public Task<DescribeConfigurationRecorderStatusResponse> DescribeConfigurationRecorderStatusAsync(DescribeConfigurationRecorderStatusRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeConfigurationRecorderStatus", request, Json.DescribeConfigurationRecorderStatusRequest, Json.DescribeConfigurationRecorderStatusResponse, cancellationToken);

    public Task PutConfigRuleAsync(PutConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("PutConfigRule", request, Json.PutConfigRuleRequest, cancellationToken);

    public Task DeleteConfigRuleAsync(DeleteConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DeleteConfigRule", request, Json.DeleteConfigRuleRequest, cancellationToken);

    public Task StartConfigRulesEvaluationAsync(StartConfigRulesEvaluationRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("StartConfigRulesEvaluation", request, Json.StartConfigRulesEvaluationRequest, cancellationToken);

    public Task<BatchGetResourceConfigResponse> BatchGetResourceConfigAsync(BatchGetResourceConfigRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("BatchGetResourceConfig", request, Json.BatchGetResourceConfigRequest, Json.BatchGetResourceConfigResponse, cancellationToken);

    public Task<DescribeConfigurationAggregatorsResponse> DescribeConfigurationAggregatorsAsync(DescribeConfigurationAggregatorsRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeConfigurationAggregators", request, Json.DescribeConfigurationAggregatorsRequest, Json.DescribeConfigurationAggregatorsResponse, cancellationToken);

    public Task<DescribeAggregateComplianceByConfigRulesResponse> DescribeAggregateComplianceByConfigRulesAsync(DescribeAggregateComplianceByConfigRulesRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeAggregateComplianceByConfigRules", request, Json.DescribeAggregateComplianceByConfigRulesRequest, Json.DescribeAggregateComplianceByConfigRulesResponse, cancellationToken);

    public Task<GetAggregateComplianceDetailsByConfigRuleResponse> GetAggregateComplianceDetailsByConfigRuleAsync(GetAggregateComplianceDetailsByConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("GetAggregateComplianceDetailsByConfigRule", request, Json.GetAggregateComplianceDetailsByConfigRuleRequest, Json.GetAggregateComplianceDetailsByConfigRuleResponse, cancellationToken);

    public void Dispose() => _httpClient.Dispose();
}
