using System.Text.Json;

namespace CloudPI.Catalog.Tests.Cases;

/// <summary>s3-bucket-ssl-requests-only: a bucket's policy as Pulumi declares it (not decided on the graph).</summary>
internal sealed class S3BucketSslRequestsOnlyCases : IControlCases
{
    public string ControlId => "s3-bucket-ssl-requests-only";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("no policy denies plain HTTP", Expected.Fail, Pulumi: p => p.Add("aws:s3/bucket:Bucket", "b", "{}"), PulumiResource: "b"),
        new("a policy denies requests without TLS", Expected.Pass,
            Pulumi: p => p.Add("aws:s3/bucket:Bucket", "b", $$"""{"policy":{{JsonSerializer.Serialize(DenyPlainHttp)}}}"""), PulumiResource: "b"),
    ];

    private const string DenyPlainHttp = """{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
}
