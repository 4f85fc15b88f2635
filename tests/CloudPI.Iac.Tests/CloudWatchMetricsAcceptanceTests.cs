using System.Text.Json;
using CloudPI.Aws.Testing;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Output;
using CloudPI.Iac.Reading;
using CloudPI.TestSupport;

namespace CloudPI.Iac.Tests;

/// <summary>
/// The metrics files against what accepts them in a pipeline: botocore's model of <c>PutMetricData</c> (members,
/// required members, lengths, the dimension limit, the unit enum), and the aws CLI sending them to moto.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CloudWatchMetricsAcceptanceTests(MotoServerFixture moto)
{
    private static IReadOnlyList<CloudWatchMetrics.Datum> Data(string example, CommitAuthor author) =>
        CloudWatchMetrics.Data(IacEvaluation.Run(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", example)), PolicyConfig.Default), author);

    /// <summary>Every example, an author CloudWatch would refuse as given, and a run split at 1 MB.</summary>
    private static IEnumerable<byte[]> Chunks()
    {
        var timestamp = DateTimeOffset.UtcNow;
        foreach (var example in (string[])["preview-show-sames.json", "preview.json", "engine-events.jsonl", "stack-export.json"])
        {
            foreach (var chunk in CloudWatchMetrics.Chunks(Data(example, new CommitAuthor("Zoë Ünïcode\u0007", " ")), timestamp))
            {
                yield return chunk;
            }
        }

        var huge = Enumerable.Range(0, 1200).Select(i => new CloudWatchMetrics.Datum($"m{i}", "Failed", new CommitAuthor(new string('x', 2000), new string('y', 1024)))).ToList();
        foreach (var chunk in CloudWatchMetrics.Chunks(huge, timestamp))
        {
            yield return chunk;
        }
    }

    [BotocoreFact]
    public void Metric_files_match_botocores_put_metric_data_model()
    {
        var model = BotocoreModel.Load("cloudwatch");
        using var metricsNamespace = JsonDocument.Parse(JsonSerializer.Serialize(CloudWatchMetrics.DefaultNamespace));
        Assert.Empty(model.Problems("Namespace", metricsNamespace.RootElement));
        var chunks = Chunks().ToList();
        Assert.True(chunks.Count > 5);
        foreach (var chunk in chunks)
        {
            using var document = JsonDocument.Parse(chunk);
            Assert.Empty(model.Problems("MetricData", document.RootElement));
        }

        // The model check itself refuses what CloudWatch refuses.
        using var wrong = JsonDocument.Parse($$"""
            [{"MetricName":"","Unit":"Counts","Value":"1","Color":"red",
              "Dimensions":[{{string.Join(',', Enumerable.Range(0, 31).Select(i => $$"""{"Name":"d{{i}}","Value":"v"}"""))}},{"Name":"Author"}]}]
            """);
        var problems = model.Problems("MetricData", wrong.RootElement);
        Assert.Contains("$[0].MetricName: 0 characters: below the minimum 1", problems);
        Assert.Contains(problems, p => p.StartsWith("$[0].Unit: 'Counts' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$[0].Value: String is not a valid double", StringComparison.Ordinal));
        Assert.Contains("$[0]: unknown member Color", problems);
        Assert.Contains("$[0].Dimensions: 32 items: above the maximum 30", problems);
        Assert.Contains("$[0].Dimensions[31]: missing required member Value", problems);
    }

    [AwsCliFact]
    public async Task The_aws_cli_sends_every_metrics_file_of_the_command_to_cloudwatch()
    {
        using var temp = new TempDirectory();
        var metricsNamespace = $"CloudPI Test {Guid.NewGuid():N}";
        var metrics = temp.Combine("metrics.json");
        await PulumiCli.RunAsync("-in", RepoPaths.Examples("pulumi", "engine-events.jsonl"), "--metrics-out", metrics, "--metrics-namespace", metricsNamespace);
        using var written = JsonDocument.Parse(File.ReadAllBytes(metrics));
        var expected = written.RootElement.EnumerateArray().Select(d => d.GetProperty("MetricName").GetString()!).ToHashSet();
        Assert.Contains("kms-no-automatic-rotation", expected); // a CrossGuard policy
        Assert.Contains("restricted-ssh", expected);

        await PutAsync(metricsNamespace, metrics);

        Assert.Equal(expected, await MetricNamesAsync(metricsNamespace));
    }

    [AwsCliFact]
    public async Task Requests_split_at_1000_datums_and_1_MB_are_each_accepted()
    {
        using var temp = new TempDirectory();
        var metricsNamespace = $"CloudPI Test {Guid.NewGuid():N}";
        var data = Enumerable.Range(0, 1500).Select(i => new CloudWatchMetrics.Datum($"m{i}", "Failed", new CommitAuthor(new string('x', 400), "e"))).ToList();
        var chunks = CloudWatchMetrics.Chunks(data, DateTimeOffset.UtcNow);
        Assert.True(chunks.Count >= 2);
        for (var i = 0; i < chunks.Count; i++)
        {
            var path = CloudWatchMetrics.ChunkPath(temp.Combine("metrics.json"), i);
            await File.WriteAllBytesAsync(path, chunks[i]);
            await PutAsync(metricsNamespace, path);
        }

        Assert.Equal(data.Select(d => d.MetricName).ToHashSet(), await MetricNamesAsync(metricsNamespace));
    }

    private async Task PutAsync(string metricsNamespace, string file)
    {
        var (exitCode, _, error) = await AwsCli.RunAsync(moto.Endpoint, "cloudwatch", "put-metric-data", "--namespace", metricsNamespace, "--metric-data", $"file://{file}");
        Assert.True(exitCode == 0, $"put-metric-data {Path.GetFileName(file)} failed ({exitCode}): {error}");
    }

    private async Task<HashSet<string>> MetricNamesAsync(string metricsNamespace)
    {
        var (exitCode, output, error) = await AwsCli.RunAsync(moto.Endpoint, "cloudwatch", "list-metrics", "--namespace", metricsNamespace);
        Assert.True(exitCode == 0, $"list-metrics failed ({exitCode}): {error}");
        using var listed = JsonDocument.Parse(output);
        return listed.RootElement.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("MetricName").GetString()!).ToHashSet();
    }
}
