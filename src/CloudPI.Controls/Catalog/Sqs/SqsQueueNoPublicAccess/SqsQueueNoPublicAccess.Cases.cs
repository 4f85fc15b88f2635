using System.Text.Json;

namespace CloudPI.Catalog.Tests.Cases;

/// <summary>
/// sqs-queue-no-public-access: one queue policy, as Cartography stores it (the raw JSON on the queue node) and as
/// Pulumi declares it (a QueuePolicy). AWS counts a policy public unless it grants only to fixed values: a principal,
/// or a caller tied by aws:SourceArn, aws:SourceAccount, an organisation, an endpoint, or fixed aws:SourceIp ranges.
/// </summary>
internal sealed class SqsQueueNoPublicAccessCases : IControlCases
{
    public string ControlId => "sqs-queue-no-public-access";

    public IReadOnlyList<ControlCase> Cases =>
    [
        Policy("{\"AWS\":\"*\"} with no condition", Expected.Fail, """[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage"}]"""),
        Policy("* with only aws:SecureTransport (it does not restrict who calls)", Expected.Fail,
            """[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]"""),
        Policy("* limited to fixed aws:SourceIp ranges", Expected.Pass,
            """[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]"""),
        Policy("* with aws:SourceIp 0.0.0.0/0", Expected.Fail,
            """[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}]"""),
        Policy("a public statement after a private one", Expected.Fail,
            """[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sqs:*"},{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root","*"]},"Action":"sqs:*"}]"""),
        Policy("* tied to an SNS topic by aws:SourceArn", Expected.Pass,
            """[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:111122223333:orders"}}}]"""),
        Policy("* tied to an account by aws:SourceAccount", Expected.Pass,
            """[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]"""),
        Policy("* allowed but denied to everyone for the same actions", Expected.Pass,
            """[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage"},{"Effect":"Deny","Principal":"*","Action":"sqs:*"}]"""),
        Policy("a service principal", Expected.Pass, """[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage"}]"""),
        Policy("only a Deny", Expected.Pass, """[{"Effect":"Deny","Principal":"*","Action":"sqs:*"}]"""),
    ];

    private static ControlCase Policy(string name, Expected expected, string statements)
    {
        var policy = $$"""{"Version":"2012-10-17","Statement":{{statements}}}""";
        return new(name, expected,
            g => g.Node("queue-1", ["AWSSQSQueue", "SQSQueue"], ("policy", policy)), "queue-1",
            p => p.Add("aws:sqs/queuePolicy:QueuePolicy", "policy", $$"""{"queueUrl":"https://sqs/q","policy":{{JsonSerializer.Serialize(policy)}}}"""), "policy");
    }
}
