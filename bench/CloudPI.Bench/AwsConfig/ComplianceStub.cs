using System.Net;
using System.Text;
using System.Text.Json;

namespace CloudPI.Bench.AwsConfig;

/// <summary>
/// An in-process AWS Config endpoint serving GetComplianceDetailsByConfigRule for a fixed data set, with a fixed
/// latency per call, counting calls. Rules get uneven numbers of evaluations (some span two pages) that add up to
/// <see cref="TotalEvaluations"/>.
/// </summary>
internal sealed class ComplianceStub
{
    private readonly Dictionary<(string Region, string Rule), int> _evaluationsPerListing;
    private readonly TimeSpan _latency;
    private int _calls;

    public ComplianceStub(IReadOnlyList<string> regions, IReadOnlyList<string> rules, int totalEvaluations, TimeSpan latency)
    {
        var listings = regions.SelectMany(region => rules.Select(rule => (region, rule))).ToList();
        // Weights 1, 4, 9 … 81 spread the evaluations unevenly; the remainder goes to the first listings.
        var weights = listings.Select((_, index) => (index % 9 + 1) * (index % 9 + 1)).ToList();
        var counts = weights.Select(w => totalEvaluations * w / weights.Sum()).ToList();
        for (var i = 0; counts.Sum() < totalEvaluations; i++)
        {
            counts[i]++;
        }

        _evaluationsPerListing = listings.Zip(counts).ToDictionary(pair => pair.First, pair => pair.Second);
        _latency = latency;
        TotalEvaluations = totalEvaluations;
    }

    public int TotalEvaluations { get; }

    public int Calls => Volatile.Read(ref _calls);

    public void ResetCalls() => Interlocked.Exchange(ref _calls, 0);

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(_latency, cancellationToken);
        using var input = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
        var rule = input.RootElement.GetProperty("ConfigRuleName").GetString()!;
        var limit = input.RootElement.GetProperty("Limit").GetInt32();
        var offset = input.RootElement.TryGetProperty("NextToken", out var token) ? int.Parse(token.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : 0;
        // The SigV4 credential scope (AKID/date/region/service/aws4_request) says which regional client called.
        var region = request.Headers.GetValues("Authorization").Single().Split('/')[2];

        var total = _evaluationsPerListing[(region, rule)];
        var end = Math.Min(total, offset + limit);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(Page(region, rule, offset, end, end < total ? end.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)),
        };
    }

    /// <summary>A response shaped by the botocore model, as AWS sends it (epoch-second timestamps).</summary>
    private static byte[] Page(string region, string rule, int from, int to, string? nextToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("EvaluationResults");
            for (var i = from; i < to; i++)
            {
                json.WriteStartObject();
                json.WriteStartObject("EvaluationResultIdentifier");
                json.WriteStartObject("EvaluationResultQualifier");
                json.WriteString("ConfigRuleName", rule);
                json.WriteString("ResourceType", "AWS::EC2::SecurityGroup");
                json.WriteString("ResourceId", $"sg-{region}-{rule}-{i:D5}");
                json.WriteString("EvaluationMode", "DETECTIVE");
                json.WriteEndObject();
                json.WriteNumber("OrderingTimestamp", 1.763880000123E9);
                json.WriteEndObject();
                json.WriteString("ComplianceType", "NON_COMPLIANT");
                json.WriteNumber("ResultRecordedTime", 1.763880012345E9);
                json.WriteNumber("ConfigRuleInvokedTime", 1.763880000E9);
                json.WriteString("Annotation", "The resource is not compliant with the rule.");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (nextToken is not null)
            {
                json.WriteString("NextToken", nextToken);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private sealed class Handler(ComplianceStub stub) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            stub.AnswerAsync(request, cancellationToken);
    }
}
