using System.Globalization;
using System.Text.Json;

namespace CloudPI.Bench.Iac;

/// <summary>
/// Writes a realistic <c>pulumi preview --json --show-sames</c> digest: groups of 20 resources (a VPC with its flow
/// log, default and ordinary security groups and rules, a volume, instance and launch template, a KMS key, an RDS
/// instance, a bucket with its policy, access block and encryption, a queue with its policy, an EKS cluster with a
/// node group and Fargate profile), a fixed share of them misconfigured, half of them unchanged.
/// </summary>
internal static class SyntheticPreview
{
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    public static void Write(string path, int resources)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("config");
        json.WriteString("aws:region", "eu-west-1");
        json.WriteString("aws:defaultTags", """{"tags":{"env":"bench"}}""");
        json.WriteEndObject();
        json.WriteStartArray("steps");
        var written = 0;
        var same = 0;
        for (var group = 0; written < resources; group++)
        {
            foreach (var (type, inputs, dependencies) in Group(group))
            {
                if (written == resources)
                {
                    break;
                }

                var op = group % 2 == 0 ? "same" : "create";
                same += op == "same" ? 1 : 0;
                WriteStep(json, op, type, $"{Name(type)}_{group}", inputs, dependencies(group));
                written++;
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("changeSummary");
        json.WriteNumber("create", resources - same);
        json.WriteNumber("same", same);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Name(string type) => type[(type.LastIndexOf(':') + 1)..].ToLowerInvariant();

    private static string Urn(string type, int group) => $"urn:pulumi:bench::infra::{type}::{Name(type)}_{group}";

    private static Func<int, (string Property, string Urn)?> On(string property, string type) => group => (property, Urn(type, group));

    private static IEnumerable<(string Type, string Inputs, Func<int, (string Property, string Urn)?> Dependencies)> Group(int group)
    {
        var bad = group % 5 == 0; // a fifth of the groups break every check
        static (string, string)? None(int _) => null;
        const string vpc = "aws:ec2/vpc:Vpc";
        const string sg = "aws:ec2/securityGroup:SecurityGroup";
        const string bucket = "aws:s3/bucketV2:BucketV2";
        const string queue = "aws:sqs/queue:Queue";
        const string cluster = "aws:eks/cluster:Cluster";
        var cidr = bad ? "0.0.0.0/0" : "10.0.0.0/8";
        var flag = bad ? "false" : "true";
        yield return (vpc, """{"cidrBlock":"10.0.0.0/16"}""", None);
        yield return ("aws:ec2/flowLog:FlowLog", $$"""{"vpcId":"{{Unknown}}","trafficType":"{{(bad ? "ACCEPT" : "ALL")}}"}""", On("vpcId", vpc));
        yield return ("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", bad ? $$"""{"vpcId":"{{Unknown}}","ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"self":true}]}""" : $$"""{"vpcId":"{{Unknown}}"}""", On("vpcId", vpc));
        yield return (sg, $$"""{"vpcId":"{{Unknown}}","ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]},{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["10.1.0.0/16","{{cidr}}"]}]}""", On("vpcId", vpc));
        yield return ("aws:ec2/securityGroupRule:SecurityGroupRule", $$"""{"type":"ingress","protocol":"tcp","fromPort":0,"toPort":65535,"cidrBlocks":["{{cidr}}"],"securityGroupId":"{{Unknown}}"}""", On("securityGroupId", sg));
        yield return ("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", $$"""{"ipProtocol":"-1","cidrIpv6":"{{(bad ? "::/0" : "fd00::/8")}}","securityGroupId":"{{Unknown}}"}""", On("securityGroupId", sg));
        yield return ("aws:ebs/volume:Volume", $$"""{"availabilityZone":"eu-west-1a","size":8,"encrypted":{{flag}}}""", None);
        yield return ("aws:ec2/instance:Instance", $$$"""{"ami":"ami-1","instanceType":"t3.micro","rootBlockDevice":{"encrypted":{{{flag}}}}}""", None);
        yield return ("aws:ec2/launchTemplate:LaunchTemplate", $$$"""{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"{{{flag}}}"}}]}""", None);
        yield return ("aws:kms/key:Key", $$"""{"enableKeyRotation":{{flag}}}""", None);
        yield return ("aws:rds/instance:Instance", $$"""{"engine":"postgres","instanceClass":"db.t3.micro","deletionProtection":{{flag}}}""", None);
        yield return (bucket, string.Create(CultureInfo.InvariantCulture, $$"""{"bucket":"bench-{{group}}"}"""), None);
        yield return ("aws:s3/bucketPolicy:BucketPolicy", $$"""{"bucket":"{{Unknown}}","policy":{{JsonSerializer.Serialize(BucketPolicy(bad))}}}""", On("bucket", bucket));
        yield return ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", $$"""{"bucket":"{{Unknown}}","blockPublicAcls":true,"blockPublicPolicy":{{flag}},"ignorePublicAcls":true,"restrictPublicBuckets":{{flag}}}""", On("bucket", bucket));
        yield return ("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", $$$"""{"bucket":"{{{Unknown}}}","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"{{{(bad ? "none" : "aws:kms")}}}"}}]}""", On("bucket", bucket));
        yield return (queue, """{"name":"orders"}""", None);
        yield return ("aws:sqs/queuePolicy:QueuePolicy", $$"""{"queueUrl":"{{Unknown}}","policy":{{JsonSerializer.Serialize(QueuePolicy(bad))}}}""", On("queueUrl", queue));
        yield return (cluster, $$$"""{"enabledClusterLogTypes":["api","audit"{{{(bad ? string.Empty : ",\"authenticator\"")}}}],"encryptionConfig":{"provider":{"keyArn":"{{{Unknown}}}"},"resources":["secrets"]},"tags":{"Name":"c"}}""", None);
        yield return ("aws:eks/nodeGroup:NodeGroup", $$"""{"clusterName":"{{Unknown}}","tags":{{(bad ? "{}" : """{"Name":"n"}""")}}}""", On("clusterName", cluster));
        yield return ("aws:eks/fargateProfile:FargateProfile", $$$"""{"clusterName":"{{{Unknown}}}","tags":{"Name":"f"}}""", On("clusterName", cluster));
    }

    private static string BucketPolicy(bool bad) => bad
        ? """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"""
        : """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

    private static string QueuePolicy(bool bad) => bad
        ? """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage"}]}"""
        : """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:1:t"}}}]}""";

    private static void WriteStep(Utf8JsonWriter json, string op, string type, string name, string inputs, (string Property, string Urn)? dependency)
    {
        var urn = $"urn:pulumi:bench::infra::{type}::{name}";
        json.WriteStartObject();
        json.WriteString("op", op);
        json.WriteString("urn", urn);
        json.WriteStartObject("newState");
        json.WriteString("urn", urn);
        json.WriteString("type", type);
        json.WriteBoolean("custom", true);
        json.WritePropertyName("inputs");
        json.WriteRawValue(inputs);
        json.WriteStartObject("propertyDependencies");
        if (dependency is { } d)
        {
            json.WriteStartArray(d.Property);
            json.WriteStringValue(d.Urn);
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteNull("detailedDiff");
        json.WriteEndObject();
    }
}
