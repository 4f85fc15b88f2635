using Xunit;

namespace CloudPI.TestSupport;

/// <summary>
/// A small organisation, as APOC JSON lines, where account 111's role a may assume role b of 222, and b the role c of
/// 444: analysed alone, 111 should bring in what a blast radius walks through in 222 and 444 and nothing else of
/// theirs; 222's bucket and key only when b's statement may reach data (<see cref="WhereBMay"/>), not for its role d,
/// an administrator that no principal of 111 may reach. Shared by the graph-file and Neo4j account index tests, which load it each their own way.
/// </summary>
public static class AssumedAccountOrganisation
{
    /// <summary>The account analysed alone.</summary>
    public const string Analysed = "111111111111";

    /// <summary>
    /// 111: role a (may assume b), a security group with a rule from 0.0.0.0/0, a VPC.
    /// 222: role b with an inline policy and its statement, trusting 333's root and allowed to assume c; a bucket tagged
    /// sensitive, a KMS key, a queue b may write (<c>CAN_WRITE</c>) and one it may not; an instance with its own tag, a
    /// subnet, a security group with a rule from 10.0.0.0/8, a VPC peered (requester) with 111's; role d, allowed * by
    /// its inline policy, which only that instance may assume.
    /// 333: its root principal and an instance. 444: role c and an instance.
    /// </summary>
    public const string Lines = """
        {"type":"node","id":"0","labels":["AWSAccount"],"properties":{"id":"111111111111"}}
        {"type":"node","id":"1","labels":["AWSAccount"],"properties":{"id":"222222222222"}}
        {"type":"node","id":"2","labels":["AWSAccount"],"properties":{"id":"333333333333"}}
        {"type":"node","id":"3","labels":["AWSAccount"],"properties":{"id":"444444444444"}}
        {"type":"node","id":"4","labels":["AWSPrincipal","AWSRole"],"properties":{"id":"role-a","arn":"arn:aws:iam::111111111111:role/a"}}
        {"type":"node","id":"5","labels":["AWSEC2SecurityGroup","EC2SecurityGroup"],"properties":{"id":"sg-of-a"}}
        {"type":"node","id":"6","labels":["AWSIpRule","IpRule"],"properties":{"id":"rule-of-a"}}
        {"type":"node","id":"7","labels":["AWSIpRange","IpRange"],"properties":{"id":"0.0.0.0/0"}}
        {"type":"node","id":"8","labels":["AWSVpc"],"properties":{"id":"vpc-of-a"}}
        {"type":"node","id":"9","labels":["AWSPrincipal","AWSRole"],"properties":{"id":"role-b","arn":"arn:aws:iam::222222222222:role/b"}}
        {"type":"node","id":"10","labels":["AWSInlinePolicy","AWSPolicy"],"properties":{"id":"policy-of-b"}}
        {"type":"node","id":"11","labels":["AWSPolicyStatement"],"properties":{"id":"statement-of-b","effect":"Allow","action":["sqs:*"],"resource":["*"]}}
        {"type":"node","id":"12","labels":["AWSS3Bucket","S3Bucket"],"properties":{"id":"bucket-of-b","name":"bucket-of-b"}}
        {"type":"node","id":"13","labels":["AWSTag","Tag"],"properties":{"id":"DataClassification:Sensitive","key":"DataClassification","value":"Sensitive"}}
        {"type":"node","id":"14","labels":["AWSKMSKey","KMSKey"],"properties":{"id":"key-of-b","arn":"arn:aws:kms:us-east-1:222222222222:key/key-of-b"}}
        {"type":"node","id":"15","labels":["AWSSQSQueue","SQSQueue"],"properties":{"id":"queue-of-b"}}
        {"type":"node","id":"16","labels":["AWSSQSQueue","SQSQueue"],"properties":{"id":"queue-out-of-reach"}}
        {"type":"node","id":"17","labels":["AWSEC2Instance","EC2Instance"],"properties":{"id":"i-of-b"}}
        {"type":"node","id":"18","labels":["AWSTag","Tag"],"properties":{"id":"Name:worker","key":"Name","value":"worker"}}
        {"type":"node","id":"19","labels":["AWSEC2Subnet","EC2Subnet"],"properties":{"id":"subnet-of-b"}}
        {"type":"node","id":"20","labels":["AWSEC2SecurityGroup","EC2SecurityGroup"],"properties":{"id":"sg-of-b"}}
        {"type":"node","id":"21","labels":["AWSIpRule","IpRule"],"properties":{"id":"rule-of-b"}}
        {"type":"node","id":"22","labels":["AWSVpc"],"properties":{"id":"vpc-of-b"}}
        {"type":"node","id":"23","labels":["AWSPeeringConnection"],"properties":{"id":"pcx-of-b"}}
        {"type":"node","id":"24","labels":["AWSPrincipal","AWSRootPrincipal"],"properties":{"id":"arn:aws:iam::333333333333:root"}}
        {"type":"node","id":"25","labels":["AWSEC2Instance","EC2Instance"],"properties":{"id":"i-of-333"}}
        {"type":"node","id":"26","labels":["AWSPrincipal","AWSRole"],"properties":{"id":"role-c","arn":"arn:aws:iam::444444444444:role/c"}}
        {"type":"node","id":"27","labels":["AWSEC2Instance","EC2Instance"],"properties":{"id":"i-of-c"}}
        {"type":"node","id":"28","labels":["AWSIpRange","IpRange"],"properties":{"id":"10.0.0.0/8"}}
        {"type":"node","id":"29","labels":["AWSPrincipal","AWSRole"],"properties":{"id":"role-d","arn":"arn:aws:iam::222222222222:role/d"}}
        {"type":"node","id":"30","labels":["AWSInlinePolicy","AWSPolicy"],"properties":{"id":"policy-of-d"}}
        {"type":"node","id":"31","labels":["AWSPolicyStatement"],"properties":{"id":"statement-of-d","effect":"Allow","action":["*"],"resource":["*"]}}
        {"type":"relationship","id":"0","label":"RESOURCE","start":{"id":"0"},"end":{"id":"4"}}
        {"type":"relationship","id":"1","label":"RESOURCE","start":{"id":"0"},"end":{"id":"5"}}
        {"type":"relationship","id":"2","label":"RESOURCE","start":{"id":"0"},"end":{"id":"8"}}
        {"type":"relationship","id":"3","label":"MEMBER_OF_EC2_SECURITY_GROUP","start":{"id":"6"},"end":{"id":"5"}}
        {"type":"relationship","id":"4","label":"MEMBER_OF_IP_RULE","start":{"id":"7"},"end":{"id":"6"}}
        {"type":"relationship","id":"5","label":"STS_ASSUMEROLE_ALLOW","start":{"id":"4"},"end":{"id":"9"}}
        {"type":"relationship","id":"6","label":"RESOURCE","start":{"id":"1"},"end":{"id":"9"}}
        {"type":"relationship","id":"7","label":"POLICY","start":{"id":"9"},"end":{"id":"10"}}
        {"type":"relationship","id":"8","label":"STATEMENT","start":{"id":"10"},"end":{"id":"11"}}
        {"type":"relationship","id":"9","label":"RESOURCE","start":{"id":"1"},"end":{"id":"12"}}
        {"type":"relationship","id":"10","label":"TAGGED","start":{"id":"12"},"end":{"id":"13"}}
        {"type":"relationship","id":"11","label":"RESOURCE","start":{"id":"1"},"end":{"id":"14"}}
        {"type":"relationship","id":"12","label":"RESOURCE","start":{"id":"1"},"end":{"id":"15"}}
        {"type":"relationship","id":"13","label":"CAN_WRITE","start":{"id":"9"},"end":{"id":"15"}}
        {"type":"relationship","id":"14","label":"RESOURCE","start":{"id":"1"},"end":{"id":"16"}}
        {"type":"relationship","id":"15","label":"RESOURCE","start":{"id":"1"},"end":{"id":"17"}}
        {"type":"relationship","id":"16","label":"TAGGED","start":{"id":"17"},"end":{"id":"18"}}
        {"type":"relationship","id":"17","label":"RESOURCE","start":{"id":"1"},"end":{"id":"19"}}
        {"type":"relationship","id":"18","label":"PART_OF_SUBNET","start":{"id":"17"},"end":{"id":"19"}}
        {"type":"relationship","id":"19","label":"RESOURCE","start":{"id":"1"},"end":{"id":"20"}}
        {"type":"relationship","id":"20","label":"MEMBER_OF_EC2_SECURITY_GROUP","start":{"id":"17"},"end":{"id":"20"}}
        {"type":"relationship","id":"21","label":"MEMBER_OF_EC2_SECURITY_GROUP","start":{"id":"21"},"end":{"id":"20"}}
        {"type":"relationship","id":"22","label":"MEMBER_OF_IP_RULE","start":{"id":"28"},"end":{"id":"21"}}
        {"type":"relationship","id":"23","label":"RESOURCE","start":{"id":"1"},"end":{"id":"22"}}
        {"type":"relationship","id":"24","label":"RESOURCE","start":{"id":"1"},"end":{"id":"23"}}
        {"type":"relationship","id":"25","label":"REQUESTER_VPC","start":{"id":"23"},"end":{"id":"22"}}
        {"type":"relationship","id":"26","label":"ACCEPTER_VPC","start":{"id":"23"},"end":{"id":"8"}}
        {"type":"relationship","id":"27","label":"TRUSTS_AWS_PRINCIPAL","start":{"id":"9"},"end":{"id":"24"}}
        {"type":"relationship","id":"28","label":"RESOURCE","start":{"id":"2"},"end":{"id":"24"}}
        {"type":"relationship","id":"29","label":"RESOURCE","start":{"id":"2"},"end":{"id":"25"}}
        {"type":"relationship","id":"30","label":"STS_ASSUMEROLE_ALLOW","start":{"id":"9"},"end":{"id":"26"}}
        {"type":"relationship","id":"31","label":"RESOURCE","start":{"id":"3"},"end":{"id":"26"}}
        {"type":"relationship","id":"32","label":"RESOURCE","start":{"id":"3"},"end":{"id":"27"}}
        {"type":"relationship","id":"33","label":"RESOURCE","start":{"id":"1"},"end":{"id":"29"}}
        {"type":"relationship","id":"34","label":"POLICY","start":{"id":"29"},"end":{"id":"30"}}
        {"type":"relationship","id":"35","label":"STATEMENT","start":{"id":"30"},"end":{"id":"31"}}
        {"type":"relationship","id":"36","label":"STS_ASSUMEROLE_ALLOW","start":{"id":"17"},"end":{"id":"29"}}
        """;

    /// <summary>
    /// The node ids 111's part holds, in order: its own nodes; 222's and 444's account nodes, roles, b's and d's
    /// policies and statements, the queue b may write; 333's root (trusted by b) and account node; and 222's peering
    /// connection, across its edge into 111's VPC. Not 222's bucket and key: b may only use queues.
    /// </summary>
    public static IReadOnlyList<string> AnalysedPart { get; } =
    [
        "0.0.0.0/0", "111111111111", "222222222222", "333333333333", "444444444444",
        "arn:aws:iam::333333333333:root", "pcx-of-b", "policy-of-b", "policy-of-d", "queue-of-b",
        "role-a", "role-b", "role-c", "role-d", "rule-of-a", "sg-of-a", "statement-of-b", "statement-of-d", "vpc-of-a",
    ];

    /// <summary>What 111's part leaves out of the accounts it assumes: compute, network, tags of those, a queue no role of theirs reaches.</summary>
    public static IReadOnlyList<string> LeftOut { get; } =
        ["i-of-b", "Name:worker", "subnet-of-b", "sg-of-b", "rule-of-b", "10.0.0.0/8", "vpc-of-b", "queue-out-of-reach", "i-of-333", "i-of-c"];

    /// <summary>222's data stores and the tag rating them: in 111's part only when b may reach data by policy.</summary>
    public static IReadOnlyList<string> DataOfB { get; } = ["DataClassification:Sensitive", "bucket-of-b", "key-of-b"];

    /// <summary>The organisation with b's statement's effect and action replaced by <paramref name="statement"/>
    /// (JSON members, e.g. <c>"effect":"Allow","action":["s3:Get*"]</c>).</summary>
    public static string WhereBMay(string statement) =>
        Lines.Replace("\"effect\":\"Allow\",\"action\":[\"sqs:*\"]", statement, StringComparison.Ordinal);

    /// <summary>Statements b may have (effect and action, for <see cref="WhereBMay"/>), and whether they may reach 222's buckets or keys by policy.</summary>
    public static TheoryData<string, bool> StatementsOfB { get; } = new()
    {
        { "\"effect\":\"Allow\",\"action\":[\"sqs:*\"]", false },
        { "\"effect\":\"Allow\",\"action\":[\"s3:List*\",\"ec2:Describe*\",\"kms:Encrypt\"]", false },
        { "\"effect\":\"Deny\",\"action\":[\"*\"]", false },
        { "\"effect\":\"Allow\",\"action\":[\"s3:Get*\"]", true },
        { "\"effect\":\"Allow\",\"action\":[\"sqs:*\",\"S3:GETOBJECT\"]", true },
        { "\"effect\":\"Allow\",\"action\":\"s3:Put?bject\"", true },
        { "\"effect\":\"Allow\",\"action\":[\"kms:Decrypt\"]", true },
        { "\"effect\":\"Allow\",\"action\":[\"*\"]", true },
        { "\"effect\":\"Allow\",\"action\":[\"iam:PutRolePolicy\"]", true },
        { "\"effect\":\"Allow\",\"notaction\":[\"iam:*\"]", true },
    };
}
