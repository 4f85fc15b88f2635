using CloudPI.Aws;
using CloudPI.AwsConfig;
using CloudPI.TestSupport;

namespace CloudPI.AwsConfig.Tests.Offline;

public sealed class ComplianceFileTests : IDisposable
{
    private const string Result = """
        {"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "restricted-ssh", "ResourceType": "AWS::EC2::SecurityGroup", "ResourceId": "sg-1", "EvaluationMode": "DETECTIVE"}, "OrderingTimestamp": "2026-11-20T06:00:00.123000+00:00"},
         "ComplianceType": "NON_COMPLIANT", "ResultRecordedTime": "2026-11-20T06:00:02.456000+00:00", "ConfigRuleInvokedTime": "2026-11-20T06:00:00.123000+00:00", "Annotation": "open"}
        """;

    private readonly TempDirectory _directory = new();

    [Fact]
    public void Reads_the_CLI_output_with_ISO_timestamps_and_locates_it_with_the_given_account_and_region()
    {
        var path = Write("results.json", $$"""{"EvaluationResults": [{{Result}}]}""");

        var evaluation = Assert.Single(ComplianceFile.Read(path, "800868000056", "us-east-1").Evaluations);

        Assert.Equal("restricted-ssh", evaluation.ConfigRuleName);
        Assert.Equal("AWS::EC2::SecurityGroup", evaluation.ResourceType);
        Assert.Equal("sg-1", evaluation.ResourceId);
        Assert.Equal(ComplianceTypes.NonCompliant, evaluation.ComplianceType);
        Assert.Equal("DETECTIVE", evaluation.EvaluationMode);
        Assert.Equal("open", evaluation.Annotation);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 0, 0, 123, TimeSpan.Zero), evaluation.ConfigRuleInvokedTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 0, 2, 456, TimeSpan.Zero), evaluation.ResultRecordedTime);
        Assert.Equal("800868000056", evaluation.AccountId);
        Assert.Equal("us-east-1", evaluation.Region);
        Assert.Null(evaluation.RuleSource);
    }

    [Fact]
    public void Reads_concatenated_outputs_of_repeated_CLI_runs_and_arrays_of_outputs()
    {
        var other = Result.Replace("sg-1", "sg-2", StringComparison.Ordinal);
        var appended = Write("appended.json", $$"""{"EvaluationResults": [{{Result}}]}""" + "\n" + $$"""{"EvaluationResults": [{{other}}]}""" + "\n");
        var array = Write("array.json", $$"""[{"EvaluationResults": [{{Result}}]}, {"EvaluationResults": []}, {"EvaluationResults": [{{other}}]}]""");

        Assert.Equal(["sg-1", "sg-2"], ComplianceFile.Read(appended, null, null).Evaluations.Select(e => e.ResourceId));
        Assert.Equal(["sg-1", "sg-2"], ComplianceFile.Read(array, null, null).Evaluations.Select(e => e.ResourceId));
    }

    [Fact]
    public void A_page_that_still_carries_a_NextToken_with_no_next_page_after_it_is_a_truncated_listing()
    {
        var path = Write("page.json", $$"""{"EvaluationResults": [{{Result}}], "NextToken": "eyJOZXh0VG9rZW4iOiAiYWJjIn0="}""");

        var content = ComplianceFile.Read(path, null, null);

        Assert.Single(content.Evaluations);
        Assert.Equal(
            [$"{path}: NextToken: the listing of restricted-ssh goes on past this page, and no page after it in the file holds the rest (the CLI ran with --max-items or --no-paginate): rerun it without them, or append the next pages"],
            content.TruncatedListings);
    }

    [Fact]
    public void Pages_appended_in_order_complete_their_listing_but_a_token_followed_by_another_rule_does_not()
    {
        var other = Result.Replace("sg-1", "sg-2", StringComparison.Ordinal);
        var otherRule = Result.Replace("restricted-ssh", "encrypted-volumes", StringComparison.Ordinal);
        var chained = Write("chained.json", $$"""{"EvaluationResults": [{{Result}}], "NextToken": "t1"}""" + "\n" + $$"""{"EvaluationResults": [{{other}}]}""");
        var interrupted = Write("interrupted.json", $$"""[{"EvaluationResults": [{{Result}}], "NextToken": "t1"}, {"EvaluationResults": [{{otherRule}}]}]""");

        Assert.Empty(ComplianceFile.Read(chained, null, null).TruncatedListings);
        Assert.StartsWith($"{interrupted}: [0].NextToken: the listing of restricted-ssh goes on", Assert.Single(ComplianceFile.Read(interrupted, null, null).TruncatedListings), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_aggregate_form_with_account_and_region_per_result()
    {
        var aggregate = Result.Replace("\"Annotation\"", "\"AccountId\": \"111122223333\", \"AwsRegion\": \"eu-west-1\", \"Annotation\"", StringComparison.Ordinal);
        var path = Write("aggregate.json", $$"""{"AggregateEvaluationResults": [{{aggregate}}]}""");

        var evaluation = Assert.Single(ComplianceFile.Read(path, "800868000056", "us-east-1").Evaluations);

        Assert.Equal("111122223333", evaluation.AccountId);
        Assert.Equal("eu-west-1", evaluation.Region);
    }

    [Fact]
    public void Accepts_the_APIs_epoch_second_timestamps_too()
    {
        var path = Write("api.json", """
            {"EvaluationResults": [{"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "r", "ResourceType": "AWS::S3::Bucket", "ResourceId": "b"}},
              "ComplianceType": "NON_COMPLIANT", "ResultRecordedTime": 1.7636124e9}]}
            """);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763612400), Assert.Single(ComplianceFile.Read(path, null, null).Evaluations).ResultRecordedTime);
    }

    [Theory]
    [InlineData("""{"EvaluationResults": [{"ComplianceType": "NON_COMPLIANT"}]}""", "EvaluationResults[0].EvaluationResultIdentifier: missing")]
    [InlineData("""{"EvaluationResults": [{"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "r", "ResourceType": "AWS::S3::Bucket"}}, "ComplianceType": "NON_COMPLIANT"}]}""",
        "EvaluationResults[0].EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId: missing")]
    [InlineData("""{"EvaluationResults": [{"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "r", "ResourceType": "AWS::S3::Bucket", "ResourceId": 7}}, "ComplianceType": "NON_COMPLIANT"}]}""",
        "EvaluationResults[0].EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId: expected a string, found 7")]
    [InlineData("""{"EvaluationResults": [{"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "r", "ResourceType": "AWS::S3::Bucket", "ResourceId": "b"}}, "ComplianceType": "NON_COMPLIANT", "ResultRecordedTime": "yesterday"}]}""",
        "EvaluationResults[0].ResultRecordedTime: expected an ISO-8601 timestamp, found \"yesterday\"")]
    [InlineData("""{"EvaluationResults": {}}""", "EvaluationResults: expected an array, found object")]
    [InlineData("""{"ConfigRules": []}""", "EvaluationResults: missing (expected EvaluationResults or AggregateEvaluationResults)")]
    [InlineData("""[{"EvaluationResults": []}, 3]""", "[1]: expected an object, found 3")]
    [InlineData("\"EvaluationResults\"", "expected an object with EvaluationResults (or AggregateEvaluationResults), or an array of them, found string")]
    [InlineData("{\"EvaluationResults\": []}\n{\"EvaluationResults\": [1]}", "line 2: EvaluationResults[0]: expected an object, found 1")]
    public void A_wrong_shape_or_missing_field_is_one_line_naming_the_file_and_the_field(string content, string problem)
    {
        var path = Write("results.json", content);

        var error = Assert.Throws<ComplianceInputException>(() => ComplianceFile.Read(path, null, null));

        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Theory]
    [InlineData("", "empty file: expected the JSON that 'aws configservice get-compliance-details-by-config-rule' prints")]
    [InlineData(" \n\t", "empty file: expected the JSON that 'aws configservice get-compliance-details-by-config-rule' prints")]
    [InlineData("EvaluationResults: none", "line 1: not valid JSON ('E' is an invalid start of a value)")]
    [InlineData("{\"EvaluationResults\": [\n  {\"ComplianceType\": \"NON_COMPLIANT\"},\n", "line 3: not valid JSON (Expected start of a property name or value, but instead reached end of data)")]
    public void An_empty_truncated_or_non_JSON_file_is_one_line_naming_the_file_and_the_line(string content, string problem)
    {
        var path = Write("results.json", content);

        var error = Assert.Throws<ComplianceInputException>(() => ComplianceFile.Read(path, null, null));

        Assert.StartsWith($"{path}: {problem}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = _directory.Combine("absent.json");

        var error = Assert.Throws<ComplianceInputException>(() => ComplianceFile.ReadAll([path], null, null));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    public void Dispose() => _directory.Dispose();

    private string Write(string name, string content)
    {
        var path = _directory.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }
}
