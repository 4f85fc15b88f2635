using CloudPI.Dracon.Io;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;

namespace CloudPI.AwsConfig.Tests.Offline;

public sealed class OfflineCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static string[] ExampleInputs => Directory.GetFiles(RepoPaths.Examples("awsconfig"), "*.json").Order(StringComparer.Ordinal)
        .SelectMany(path => new[] { "-in", path }).ToArray();

    [Fact]
    public async Task The_bundled_example_gives_one_issue_per_rule_and_resource_targeting_the_synthetic_account()
    {
        var output = _directory.Combine("out", "cloudpi-aws-config.pb");

        var (exitCode, _, error) = await Cli.RunAsync([.. ExampleInputs, "-out", output, "--account-id", "800868000056", "--region", "us-east-1"]);

        Assert.True(exitCode == 0, error);
        var response = DraconFile.ReadLaunchToolResponse(output);
        Assert.Equal(ConfigIssueMapper.ToolName, response.ToolName);
        Assert.Equal(18, response.Issues.Count);
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["awsconfig:acme-required-tags"] = 1,
                ["ec2-ebs-encryption-by-default"] = 1,
                ["ec2-imdsv2-check"] = 3,
                ["encrypted-volumes"] = 3,
                ["rds-instance-public-access-check"] = 2,
                ["redshift-cluster-public-access-check"] = 2,
                ["restricted-common-ports"] = 1,
                ["restricted-ssh"] = 1,
                ["s3-bucket-public-read-prohibited"] = 3,
                ["vpc-default-security-group-closed"] = 1,
            },
            response.Issues.GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Contains(response.Issues, i => i.Type == "restricted-ssh" && i.Target == "arn:aws:ec2:us-east-1:800868000056:security-group/sg-0e9a8efc723bbe32d");
        Assert.Contains(response.Issues, i => i.Type == "redshift-cluster-public-access-check" && i.Target == "arn:aws:redshift:us-east-1:800868000056:cluster:app000-dw-18");
        Assert.All(response.Issues, i => Assert.Equal(Confidence.High, i.Confidence));
        Assert.All(response.Issues, i => Assert.Equal("unknown", i.Source));
    }

    [Fact]
    public async Task Services_narrow_the_controls_while_unknown_rules_in_the_files_are_kept()
    {
        var output = _directory.Combine("s3.pb");

        var (exitCode, _, error) = await Cli.RunAsync([.. ExampleInputs, "-out", output, "--account-id", "800868000056", "--region", "us-east-1", "--services", "s3"]);

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            ["awsconfig:acme-required-tags", "s3-bucket-public-read-prohibited"],
            DraconFile.ReadLaunchToolResponse(output).Issues.Select(i => i.Type).Distinct());
    }

    [Fact]
    public async Task Append_adds_to_an_existing_file_Go_style()
    {
        var output = _directory.Combine("appended.pb");
        var ssh = RepoPaths.Examples("awsconfig", "restricted-ssh.json");
        var ports = RepoPaths.Examples("awsconfig", "restricted-common-ports.json");

        Assert.Equal(0, (await Cli.RunAsync("-in=" + ssh, "-out=" + output, "--account-id", "800868000056", "--region", "us-east-1")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("-in", ports, "-out", output, "-append", "--account-id", "800868000056", "--region", "us-east-1")).ExitCode);

        Assert.Equal(["restricted-ssh", "restricted-common-ports"], DraconFile.ReadLaunchToolResponse(output).Issues.Select(i => i.Type));
    }

    [Fact]
    public async Task Without_account_and_region_the_target_falls_back_to_type_and_id()
    {
        var output = _directory.Combine("fallback.pb");

        var (exitCode, _, error) = await Cli.RunAsync("-in", RepoPaths.Examples("awsconfig", "restricted-ssh.json"), "-out", output);

        Assert.True(exitCode == 0, error);
        Assert.Equal("AWS::EC2::SecurityGroup/sg-0e9a8efc723bbe32d", Assert.Single(DraconFile.ReadLaunchToolResponse(output).Issues).Target);
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("not json", "line 1: not valid JSON")]
    [InlineData("{\"EvaluationResults\": [", "line 1: not valid JSON")]
    [InlineData("[1, 2]", "[0]: expected an object, found 1")]
    [InlineData("{\"EvaluationResults\": [{}]}", "EvaluationResults[0].EvaluationResultIdentifier: missing")]
    public async Task Bad_input_is_one_line_naming_the_file_exit_1_and_no_output(string content, string problem)
    {
        var good = RepoPaths.Examples("awsconfig", "restricted-ssh.json");
        var bad = _directory.Combine("results.json");
        File.WriteAllText(bad, content);
        var output = _directory.Combine("out.pb");

        var (exitCode, _, error) = await Cli.RunAsync("-in", good, "-in", bad, "-out", output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"cloudpi: {bad}: {problem}", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
        Assert.Equal(["results.json"], _directory.Files());
    }

    [Fact]
    public async Task A_missing_input_file_is_exit_1_and_no_output()
    {
        var missing = _directory.Combine("absent.json");
        var output = _directory.Combine("out.pb");

        var (exitCode, _, error) = await Cli.RunAsync("-in", missing, "-out", output);

        Assert.Equal(1, exitCode);
        Assert.Equal($"cloudpi: {missing}: file not found", error.TrimEnd());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_file_that_stops_at_a_NextToken_is_written_with_a_warning_and_the_partial_exit_code_or_refused_with_strict()
    {
        var ssh = File.ReadAllText(RepoPaths.Examples("awsconfig", "restricted-ssh.json")).TrimEnd();
        var truncated = _directory.Combine("page.json");
        File.WriteAllText(truncated, ssh[..ssh.LastIndexOf('}')] + ", \"NextToken\": \"eyJ0b2tlbiI6IDF9\"}");
        var output = _directory.Combine("page.pb");
        var refused = _directory.Combine("refused.pb");

        var partial = await Cli.RunAsync("-in", truncated, "-out", output, "--account-id", "800868000056", "--region", "us-east-1");
        var strict = await Cli.RunAsync("-in", truncated, "-out", refused, "--account-id", "800868000056", "--region", "us-east-1", "--strict");

        Assert.True(partial.ExitCode == 3, partial.Error);
        Assert.Equal("restricted-ssh", Assert.Single(DraconFile.ReadLaunchToolResponse(output).Issues).Type);
        Assert.Equal(1, strict.ExitCode);
        Assert.StartsWith($"cloudpi: {truncated}: NextToken: the listing of restricted-ssh in 800868000056/us-east-1 goes on past this page", strict.Error, StringComparison.Ordinal);
        Assert.EndsWith("(refused: --strict)", strict.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Single(strict.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(refused));
    }

    [Theory]
    [InlineData("--strict", "-out", "o.pb")]
    [InlineData("--dry-run")]
    [InlineData("--deploy-rules", "-in", "x.json")]
    [InlineData("--aggregator", "org", "-in", "x.json")]
    [InlineData("-in", "x.json")]
    [InlineData("-in", "x.json", "-out", "o.pb", "--services", "ec2,nosuch")]
    [InlineData("-in", "x.json", "-out", "o.pb", "--region", "all")]
    [InlineData("-in", "x.json", "-out", "o.pb", "--concurrency", "0")]
    public async Task Contradictory_or_incomplete_options_are_usage_errors(params string[] args)
    {
        var (exitCode, _, error) = await Cli.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("cloudpi: ", error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
