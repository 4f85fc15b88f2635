using System.Text.Json.Serialization;

namespace CloudPI.Aws.Transport;

/// <summary>
/// Source-generated (trimming/AOT safe) serialization of every request and response. Property names are the C#
/// names as written (the API is PascalCase) except where a shape declares camelCase names; absent members are omitted.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(DescribeConfigRulesRequest))]
[JsonSerializable(typeof(DescribeConfigRulesResponse))]
[JsonSerializable(typeof(DescribeComplianceByConfigRuleRequest))]
[JsonSerializable(typeof(DescribeComplianceByConfigRuleResponse))]
[JsonSerializable(typeof(GetComplianceDetailsByConfigRuleRequest))]
[JsonSerializable(typeof(GetComplianceDetailsByConfigRuleResponse))]
[JsonSerializable(typeof(DescribeConfigurationRecordersRequest))]
[JsonSerializable(typeof(DescribeConfigurationRecordersResponse))]
[JsonSerializable(typeof(DescribeConfigurationRecorderStatusRequest))]
[JsonSerializable(typeof(DescribeConfigurationRecorderStatusResponse))]
[JsonSerializable(typeof(PutConfigRuleRequest))]
[JsonSerializable(typeof(DeleteConfigRuleRequest))]
[JsonSerializable(typeof(StartConfigRulesEvaluationRequest))]
[JsonSerializable(typeof(BatchGetResourceConfigRequest))]
[JsonSerializable(typeof(BatchGetResourceConfigResponse))]
[JsonSerializable(typeof(DescribeConfigurationAggregatorsRequest))]
[JsonSerializable(typeof(DescribeConfigurationAggregatorsResponse))]
[JsonSerializable(typeof(DescribeAggregateComplianceByConfigRulesRequest))]
[JsonSerializable(typeof(DescribeAggregateComplianceByConfigRulesResponse))]
[JsonSerializable(typeof(GetAggregateComplianceDetailsByConfigRuleRequest))]
[JsonSerializable(typeof(GetAggregateComplianceDetailsByConfigRuleResponse))]
internal sealed partial class AwsConfigJsonContext : JsonSerializerContext;
