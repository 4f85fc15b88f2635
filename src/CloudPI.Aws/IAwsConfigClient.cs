namespace CloudPI.Aws;

/// <summary>
/// The AWS Config operations CloudPI uses, shaped like AWSSDK.ConfigService so that SDK can replace this client.
/// Failures throw <see cref="AwsConfigException"/>. Paginated listings are in <see cref="AwsConfigPaginators"/>.
/// </summary>
public interface IAwsConfigClient
{
    /// <summary>The region every call goes to and is signed for.</summary>
    string Region { get; }

    Task<DescribeConfigRulesResponse> DescribeConfigRulesAsync(DescribeConfigRulesRequest request, CancellationToken cancellationToken = default);

    Task<DescribeComplianceByConfigRuleResponse> DescribeComplianceByConfigRuleAsync(DescribeComplianceByConfigRuleRequest request, CancellationToken cancellationToken = default);

    Task<GetComplianceDetailsByConfigRuleResponse> GetComplianceDetailsByConfigRuleAsync(GetComplianceDetailsByConfigRuleRequest request, CancellationToken cancellationToken = default);

    Task<DescribeConfigurationRecordersResponse> DescribeConfigurationRecordersAsync(DescribeConfigurationRecordersRequest request, CancellationToken cancellationToken = default);

    Task<DescribeConfigurationRecorderStatusResponse> DescribeConfigurationRecorderStatusAsync(DescribeConfigurationRecorderStatusRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates (idempotent by name) a rule.</summary>
    Task PutConfigRuleAsync(PutConfigRuleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a rule deployed by <see cref="PutConfigRuleAsync"/>.</summary>
    Task DeleteConfigRuleAsync(DeleteConfigRuleRequest request, CancellationToken cancellationToken = default);

    /// <summary>LimitExceededException here means an evaluation is already running: not fatal.</summary>
    Task StartConfigRulesEvaluationAsync(StartConfigRulesEvaluationRequest request, CancellationToken cancellationToken = default);

    /// <summary>One call of at most 100 keys; <see cref="AwsConfigPaginators.BatchGetAllResourceConfigsAsync"/> chunks and resends unprocessed keys.</summary>
    Task<BatchGetResourceConfigResponse> BatchGetResourceConfigAsync(BatchGetResourceConfigRequest request, CancellationToken cancellationToken = default);

    Task<DescribeConfigurationAggregatorsResponse> DescribeConfigurationAggregatorsAsync(DescribeConfigurationAggregatorsRequest request, CancellationToken cancellationToken = default);

    Task<DescribeAggregateComplianceByConfigRulesResponse> DescribeAggregateComplianceByConfigRulesAsync(DescribeAggregateComplianceByConfigRulesRequest request, CancellationToken cancellationToken = default);

    Task<GetAggregateComplianceDetailsByConfigRuleResponse> GetAggregateComplianceDetailsByConfigRuleAsync(GetAggregateComplianceDetailsByConfigRuleRequest request, CancellationToken cancellationToken = default);
}
