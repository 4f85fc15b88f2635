using System.Globalization;
using static CloudPI.Graph.Synthetic.SecurityGroupTemplates;

namespace CloudPI.Graph.Synthetic;

/// <summary>
/// Emits workloads by archetype, cycling through <see cref="Archetypes"/> so every VPC holds the same documented
/// mix, and records for each what it is meant to be (<see cref="SyntheticExpectation"/>).
/// </summary>
internal sealed class SyntheticWorkloads(SyntheticEmitter emit, string accountId, List<SyntheticExpectation> expectations)
{
    /// <summary>Workload archetypes in cycle order; see <see cref="SyntheticAccountGenerator"/> for the table.</summary>
    public static readonly string[] Archetypes =
    [
        "web-direct", "ssh-bastion-admin", "rdp-stopped", "office-allowlist", "split-cidr-ssh",
        "private-internal", "alb-target", "nlb-target", "classic-elb-target", "nacl-blocked-ssh",
        "rds-public", "rds-private", "lambda-admin", "fargate-public", "s3-public",
        "s3-private", "sqs-queue", "public-ip-no-igw-route", "redshift", "eks",
    ];

    /// <summary>Resource nodes per workload over a cycle: 11 instances × 4 (with ENI, private IP, volume), Fargate 4, 8 single nodes.</summary>
    public const double ResourcesPerWorkload = 56.0 / 20;

    /// <summary>
    /// Owners tag the same kind of workload differently: each round of the archetype cycle takes the next value, so
    /// the copies of an archetype differ as real ones do (and a priority has something to rank).
    /// </summary>
    private static readonly string[] InstanceCriticality = ["medium", "high", "low", "medium", "critical"];
    private static readonly string[] BastionCriticality = ["critical", "high", "medium", "low"];
    private static readonly string[] DatabaseClassification = ["internal", "confidential", "restricted"];
    private static readonly string[] PublicBucketClassification = ["public", "internal", "confidential"];

    private long _publicIps;
    private long _volumes;
    private int _round;

    public void Create(VpcNetwork vpc, int slot)
    {
        var archetype = Archetypes[slot % Archetypes.Length];
        _round = slot / Archetypes.Length;
        var alternate = _round % 2 == 1;
        switch (archetype)
        {
            case "web-direct":
                Instance(archetype, vpc, vpc.PublicA, WebPublic, publicIp: true, "running", vpc.Roles.WebProfile, vpc.Roles.Web, "optional",
                    exposed: true, flagged: true, "public IP, HTTP/HTTPS open to 0.0.0.0/0, subnet routed to the IGW");
                break;
            case "ssh-bastion-admin":
                // Bastions run as the admin deploy role, as the worker role that may assume it (kept stopped between
                // uses, with its Elastic IP), or as the web role.
                var (profile, role, state, how) = (_round % 3) switch
                {
                    0 => (vpc.Roles.DeployProfile, vpc.Roles.Deploy, "running", "its instance profile role is admin (*:*)"),
                    1 => (vpc.Roles.WorkerProfile, vpc.Roles.Worker, "stopped", "stopped between uses; its role may assume the admin deploy role"),
                    _ => (vpc.Roles.WebProfile, vpc.Roles.Web, "running", "its role reads the application's data bucket"),
                };
                Instance(archetype, vpc, vpc.PublicA, SshOpen, publicIp: true, state, profile, role, "optional",
                    exposed: state == "running", flagged: true, $"public IP, SSH open to 0.0.0.0/0; {how}");
                break;
            case "rdp-stopped":
                Instance(archetype, vpc, vpc.PublicA, RdpOpen, publicIp: true, "stopped", null, null, "required",
                    exposed: false, flagged: true, "stopped (an Elastic IP keeps its public IP; RDP open to 0.0.0.0/0)");
                break;
            case "office-allowlist":
                Instance(archetype, vpc, vpc.PublicA, OfficeOnly, publicIp: true, "running", null, null, "required",
                    exposed: false, flagged: false, $"public IP but SSH/HTTPS only from the office range {OfficeRange}");
                break;
            case "split-cidr-ssh":
                Instance(archetype, vpc, vpc.PublicA, SplitOpen, publicIp: true, "running", null, null, "required",
                    exposed: true, flagged: false, "public IP, SSH open to 0.0.0.0/1 + 128.0.0.0/1 (the whole internet)");
                break;
            case "private-internal":
                Instance(archetype, vpc, vpc.PrivateA, Internal, publicIp: false, "running", vpc.Roles.WebProfile, vpc.Roles.Web, "required",
                    exposed: false, flagged: false, "no public IP, private subnet, 10.0.0.0/8 only");
                break;
            case "alb-target":
                var albTarget = Instance(archetype, vpc, vpc.PrivateA, AppFromWeb, publicIp: false, "running", vpc.Roles.WebProfile, vpc.Roles.Web, "required",
                    exposed: true, flagged: true, "target of an internet-facing ALB (443/80 open) on 8080, admitted from the ALB's group", "elbv2");
                Expose(vpc.Alb, albTarget, 8080, "HTTP", vpc.AlbTargetGroup);
                break;
            case "nlb-target":
                var nlbTarget = Instance(archetype, vpc, vpc.PrivateB, WebPublic, publicIp: false, "running", null, null, "required",
                    exposed: true, flagged: true, "target of an internet-facing NLB on 443; client IPs preserved and admitted by 0.0.0.0/0", "elbv2");
                Expose(vpc.Nlb, nlbTarget, 443, "TCP", vpc.NlbTargetGroup);
                break;
            case "classic-elb-target":
                var facing = vpc.ClassicElbInternetFacing;
                var elbTarget = Instance(archetype, vpc, vpc.PrivateB, Internal, publicIp: false, "running", null, null, "required",
                    exposed: facing, flagged: facing,
                    facing ? "target of an internet-facing classic ELB (80 open to 0.0.0.0/0)" : "target of an internal classic ELB only",
                    facing ? "elb" : null);
                emit.Link(vpc.ClassicElb.Node, "EXPOSE", elbTarget.Node);
                break;
            case "nacl-blocked-ssh":
                Instance(archetype, vpc, vpc.PublicB, SshOpen, publicIp: true, "running", null, null, "required",
                    exposed: false, flagged: true, "public IP and SSH open to 0.0.0.0/0, but the subnet's NACL denies 22 inbound");
                break;
            case "public-ip-no-igw-route":
                Instance(archetype, vpc, vpc.PrivateA, SshOpen, publicIp: true, "running", null, null, "required",
                    exposed: false, flagged: true, "public IP and SSH open, but the subnet's default route goes to a NAT, not the IGW");
                break;
            case "rds-public":
                Rds(archetype, vpc, publiclyAccessible: true);
                break;
            case "rds-private":
                Rds(archetype, vpc, publiclyAccessible: false);
                break;
            case "lambda-admin":
                Lambda(archetype, vpc);
                break;
            case "fargate-public":
                FargateTask(archetype, vpc);
                break;
            case "s3-public":
                Bucket(archetype, vpc, $"{vpc.Name}-public-{slot}", anonymous: true, PublicBucketClassification[_round % PublicBucketClassification.Length]);
                break;
            case "s3-private":
                Bucket(archetype, vpc, $"{vpc.Name}-private-{slot}", anonymous: false, "confidential");
                break;
            case "sqs-queue":
                Queue(archetype, vpc, slot, publicPolicy: !alternate);
                break;
            case "redshift":
                Redshift(archetype, vpc, slot, publiclyAccessible: !alternate);
                break;
            case "eks":
                Eks(archetype, vpc, slot, publicEndpoint: !alternate);
                break;
            default:
                throw new InvalidOperationException($"unknown archetype {archetype}");
        }
    }

    /// <summary>The application's own bucket, read by its web role; private and encrypted.</summary>
    public void DataBucket(VpcNetwork vpc, string name) => Bucket(null, vpc, name, anonymous: false, "confidential");

    private Emitted Instance(
        string archetype, VpcNetwork vpc, SubnetInfo subnet, string group, bool publicIp, string state, Emitted? profile, Emitted? role,
        string metadataTokens, bool exposed, bool flagged, string reason, string? exposureType = null)
    {
        var id = emit.NewAwsId("i");
        var region = vpc.Region;
        var privateIp = NextPrivateIp(vpc, subnet);
        var publicAddress = publicIp ? NextPublicIp() : null;
        var flaggedTypes = flagged ? new[] { exposureType ?? "direct" } : null;
        var instance = new Emitted(emit.Node(SyntheticLabels.Instance, new Props
        {
            { "id", id },
            { "instanceid", id },
            { "arn", $"arn:aws:ec2:{region}:{accountId}:instance/{id}" },
            { "state", state },
            { "instancetype", "t3.medium" },
            { "imageid", "ami-0123456789abcdef0" },
            { "launchtime", "2026-01-15T10:00:00+00:00" },
            { "privateipaddress", privateIp },
            { "publicipaddress", publicAddress },
            { "publicdnsname", publicAddress is null ? null : $"ec2-{publicAddress.Replace('.', '-')}.compute-1.amazonaws.com" },
            { "iaminstanceprofile", profile?.Id },
            { "metadatahttptokens", metadataTokens },
            { "metadatahttpendpoint", "enabled" },
            { "imdsv1enabled", metadataTokens == "optional" },
            { "exposed_internet", flagged ? true : null },
            { "exposed_internet_type", flaggedTypes },
            { "availabilityzone", subnet.AvailabilityZone },
            { "region", region },
        }), id);
        var securityGroup = vpc.SecurityGroups[group];
        emit.Link(instance.Node, "PART_OF_SUBNET", subnet.Emitted.Node);
        emit.Link(instance.Node, "MEMBER_OF_EC2_SECURITY_GROUP", securityGroup.Node);
        var eni = NetworkInterface(vpc, subnet, securityGroup, privateIp, publicAddress, $"Primary network interface of {id}");
        emit.Link(instance.Node, "NETWORK_INTERFACE", eni);
        if (profile is { } instanceProfile && role is { } assumed)
        {
            emit.Link(instance.Node, "INSTANCE_PROFILE", instanceProfile.Node);
            emit.Link(instance.Node, "STS_ASSUMEROLE_ALLOW", assumed.Node);
        }

        Volume(vpc, instance);
        emit.Tag(instance.Node, "environment", vpc.Environment);
        emit.Tag(instance.Node, "criticality", archetype == "ssh-bastion-admin" ? BastionCriticality[_round % BastionCriticality.Length] : InstanceCriticality[_round % InstanceCriticality.Length]);
        Expect(archetype, instance, "AWSEC2Instance", exposed, flagged, reason);
        return instance;
    }

    private string NetworkInterface(VpcNetwork vpc, SubnetInfo subnet, Emitted securityGroup, string privateIp, string? publicIp, string description)
    {
        var id = emit.NewAwsId("eni");
        var eni = emit.Node(SyntheticLabels.NetworkInterface, new Props
        {
            { "id", id },
            { "public_ip", publicIp },
            { "private_ip_address", privateIp },
            { "private_dns_name", $"ip-{privateIp.Replace('.', '-')}.ec2.internal" },
            { "interface_type", "interface" },
            { "description", description },
            { "requester_managed", false },
            { "source_dest_check", true },
            { "status", "in-use" },
            { "subnetid", subnet.Emitted.Id },
            { "region", vpc.Region },
        });
        emit.Link(eni, "PART_OF_SUBNET", subnet.Emitted.Node);
        emit.Link(eni, "MEMBER_OF_EC2_SECURITY_GROUP", securityGroup.Node);
        var address = emit.Node(SyntheticLabels.PrivateIp, new Props
        {
            { "id", $"{id}:{privateIp}" },
            { "private_ip_address", privateIp },
            { "public_ip", publicIp },
            { "primary", true },
            { "network_interface_id", id },
        });
        emit.Link(eni, "PRIVATE_IP_ADDRESS", address);
        return eni;
    }

    private void Volume(VpcNetwork vpc, Emitted instance)
    {
        var id = emit.NewAwsId("vol");
        // Every third volume is unencrypted.
        var volume = emit.Node(SyntheticLabels.EbsVolume, new Props
        {
            { "id", id },
            { "volumeid", id },
            { "encrypted", _volumes++ % 3 != 0 },
            { "size", 50L },
            { "type", "gp3" },
            { "state", "in-use" },
            { "region", vpc.Region },
        });
        emit.Link(volume, "ATTACHED_TO", instance.Node);
    }

    private void Expose(Emitted balancer, Emitted target, int port, string protocol, Emitted targetGroup) =>
        emit.Link(balancer.Node, "EXPOSE", target.Node, new Props
        {
            { "port", (long)port },
            { "protocol", protocol },
            { "target_group_arn", targetGroup.Id },
        });

    private void Rds(string archetype, VpcNetwork vpc, bool publiclyAccessible)
    {
        var name = $"{vpc.Name}-db-{emit.NewAwsId("db")[5..13]}";
        var arn = $"arn:aws:rds:{vpc.Region}:{accountId}:db:{name}";
        var db = new Emitted(emit.Node(SyntheticLabels.RdsInstance, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "db_instance_identifier", name },
            { "engine", "postgres" },
            { "engine_version", "16.3" },
            { "endpoint_address", $"{name}.c9akciq32.{vpc.Region}.rds.amazonaws.com" },
            { "endpoint_port", 5432L },
            { "publicly_accessible", publiclyAccessible },
            { "storage_encrypted", !publiclyAccessible },
            { "deletion_protection", !publiclyAccessible },
            { "iam_database_authentication_enabled", false },
            { "multi_az", !publiclyAccessible },
            { "backup_retention_period", 7L },
            { "region", vpc.Region },
        }), arn);
        emit.Link(db.Node, "MEMBER_OF_EC2_SECURITY_GROUP", vpc.SecurityGroups[publiclyAccessible ? DbPublic : DbPrivate].Node);
        emit.Link(db.Node, "MEMBER_OF_DB_SUBNET_GROUP", (publiclyAccessible ? vpc.PublicDbSubnetGroup : vpc.PrivateDbSubnetGroup).Node);
        if (!publiclyAccessible)
        {
            emit.Link(db.Node, "ENCRYPTED_BY", vpc.KmsKey.Node);
        }

        emit.Tag(db.Node, "DataClassification", publiclyAccessible ? DatabaseClassification[_round % DatabaseClassification.Length] : "confidential");
        emit.Tag(db.Node, "environment", vpc.Environment);
        Expect(archetype, db, "AWSRDSInstance", publiclyAccessible, flagged: false, publiclyAccessible
            ? "publicly_accessible, in public subnets, 5432 open to 0.0.0.0/0"
            : "not publicly accessible, private subnets, 10.0.0.0/8 only");
    }

    private void Lambda(string archetype, VpcNetwork vpc)
    {
        var name = $"{vpc.Name}-fn-{emit.NewAwsId("fn")[5..13]}";
        var arn = $"arn:aws:lambda:{vpc.Region}:{accountId}:function:{name}";
        var function = new Emitted(emit.Node(SyntheticLabels.Lambda, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "name", name },
            { "runtime", "python3.12" },
            { "handler", "app.handler" },
            { "packagetype", "Zip" },
            { "state", "Active" },
            { "anonymous_access", false },
            { "region", vpc.Region },
        }), arn);
        emit.Link(function.Node, "STS_ASSUMEROLE_ALLOW", vpc.Roles.Lambda.Node);
        emit.Link(function.Node, "ASSUMES", vpc.Roles.Lambda.Node);
        emit.Tag(function.Node, "environment", vpc.Environment);
        Expect(archetype, function, "AWSLambda", exposed: false, flagged: false, "no function URL, no load balancer, no public resource policy");
    }

    private void FargateTask(string archetype, VpcNetwork vpc)
    {
        var taskArn = $"arn:aws:ecs:{vpc.Region}:{accountId}:task/{vpc.Name}/{emit.NewAwsId("task")[7..]}";
        var privateIp = NextPrivateIp(vpc, vpc.PublicA);
        var publicIp = NextPublicIp();
        var eni = NetworkInterface(vpc, vpc.PublicA, vpc.SecurityGroups[WebPublic], privateIp, publicIp, "arn:aws:ecs attachment");
        var task = new Emitted(emit.Node(SyntheticLabels.EcsTask, new Props
        {
            { "id", taskArn },
            { "arn", taskArn },
            { "launch_type", "FARGATE" },
            { "last_status", "RUNNING" },
            { "connectivity", "CONNECTED" },
            { "enable_execute_command", true },
            { "region", vpc.Region },
        }), taskArn);
        emit.Link(vpc.EcsCluster.Node, "HAS_TASK", task.Node);
        emit.Link(task.Node, "NETWORK_INTERFACE", eni);
        var containerArn = taskArn.Replace(":task/", ":container/", StringComparison.Ordinal) + "/web";
        var container = emit.Node(SyntheticLabels.EcsContainer, new Props
        {
            { "id", containerArn },
            { "arn", containerArn },
            { "name", "web" },
            { "image", "public.ecr.aws/nginx/nginx:1.27" },
            { "last_status", "RUNNING" },
            { "exposed_internet", true },
            { "exposed_internet_type", new[] { "direct" } },
        });
        emit.Link(task.Node, "HAS_CONTAINER", container);
        emit.Tag(task.Node, "environment", vpc.Environment);
        Expect(archetype, task, "AWSECSTask", exposed: true, flagged: true, "Fargate task ENI with a public IP in a public subnet, 443/80 open to 0.0.0.0/0");
    }

    private void Bucket(string? archetype, VpcNetwork vpc, string name, bool anonymous, string classification)
    {
        var bucket = new Emitted(emit.Node(SyntheticLabels.S3Bucket, new Props
        {
            { "id", name },
            { "name", name },
            { "arn", $"arn:aws:s3:::{name}" },
            { "region", vpc.Region },
            { "anonymous_access", anonymous },
            { "anonymous_actions", anonymous ? new[] { "s3:GetObject", "s3:ListBucket" } : null },
            { "block_public_acls", !anonymous },
            { "ignore_public_acls", !anonymous },
            { "block_public_policy", !anonymous },
            { "restrict_public_buckets", !anonymous },
            { "object_ownership", "BucketOwnerEnforced" },
            { "default_encryption", !anonymous },
            { "versioning_status", anonymous ? null : "Enabled" },
        }), name);
        if (!anonymous)
        {
            emit.Link(bucket.Node, "ENCRYPTED_BY", vpc.KmsKey.Node);
        }

        emit.Tag(bucket.Node, "DataClassification", classification);
        emit.Tag(bucket.Node, "environment", vpc.Environment);
        if (archetype is not null)
        {
            Expect(archetype, bucket, "AWSS3Bucket", anonymous, anonymous, anonymous
                ? "anonymous_access: a public-read bucket policy"
                : "no anonymous access, public access block on, KMS encrypted");
        }
    }

    private void Queue(string archetype, VpcNetwork vpc, int slot, bool publicPolicy)
    {
        var name = $"{vpc.Name}-queue-{slot}";
        var arn = $"arn:aws:sqs:{vpc.Region}:{accountId}:{name}";
        var principal = publicPolicy ? "\"*\"" : $"{{\"AWS\":\"arn:aws:iam::{accountId}:root\"}}";
        var queue = new Emitted(emit.Node(SyntheticLabels.SqsQueue, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "name", name },
            { "url", $"https://sqs.{vpc.Region}.amazonaws.com/{accountId}/{name}" },
            { "policy", $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":{principal},\"Action\":\"sqs:SendMessage\",\"Resource\":\"{arn}\"}}]}}" },
            { "kms_master_key_id", publicPolicy ? null : vpc.KmsKey.Id },
            { "region", vpc.Region },
        }), arn);
        emit.Tag(queue.Node, "environment", vpc.Environment);
        Expect(archetype, queue, "AWSSQSQueue", publicPolicy, flagged: false, publicPolicy
            ? "queue policy allows sqs:SendMessage to Principal *"
            : "queue policy limited to the account, KMS encrypted");
    }

    private void Redshift(string archetype, VpcNetwork vpc, int slot, bool publiclyAccessible)
    {
        var name = $"{vpc.Name}-dw-{slot}";
        var arn = $"arn:aws:redshift:{vpc.Region}:{accountId}:cluster:{name}";
        var cluster = new Emitted(emit.Node(SyntheticLabels.Redshift, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "publicly_accessible", publiclyAccessible },
            { "encrypted", !publiclyAccessible },
            { "endpoint_address", $"{name}.abc123xyz.{vpc.Region}.redshift.amazonaws.com" },
            { "endpoint_port", 5439L },
            { "vpc_id", vpc.Vpc.Id },
            { "region", vpc.Region },
        }), arn);
        // Quirk 4: Redshift has no subnet edge; only its VPC and groups.
        emit.Link(cluster.Node, "MEMBER_OF_EC2_SECURITY_GROUP", vpc.SecurityGroups[publiclyAccessible ? DbPublic : DbPrivate].Node);
        emit.Link(cluster.Node, "MEMBER_OF_AWS_VPC", vpc.Vpc.Node);
        emit.Tag(cluster.Node, "DataClassification", "confidential");
        Expect(archetype, cluster, "AWSRedshiftCluster", publiclyAccessible, flagged: false, publiclyAccessible
            ? "publicly_accessible, 5439 open to 0.0.0.0/0"
            : "not publicly accessible, 10.0.0.0/8 only");
    }

    private void Eks(string archetype, VpcNetwork vpc, int slot, bool publicEndpoint)
    {
        var name = $"{vpc.Name}-k8s-{slot}";
        var arn = $"arn:aws:eks:{vpc.Region}:{accountId}:cluster/{name}";
        var cluster = new Emitted(emit.Node(SyntheticLabels.EksCluster, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "name", name },
            { "endpoint", $"https://{emit.NewAwsId("eks")[5..].ToUpperInvariant()}.gr7.{vpc.Region}.eks.amazonaws.com" },
            { "endpoint_public_access", publicEndpoint },
            { "version", "1.31" },
            { "rolearn", vpc.Roles.Deploy.Id },
            { "exposed_internet", publicEndpoint ? true : null },
            { "region", vpc.Region },
        }), arn);
        emit.Tag(cluster.Node, "environment", vpc.Environment);
        Expect(archetype, cluster, "AWSEKSCluster", publicEndpoint, publicEndpoint, publicEndpoint
            ? "public API endpoint (endpoint_public_access)"
            : "private API endpoint only");
    }

    private void Expect(string archetype, Emitted resource, string label, bool exposed, bool flagged, string reason) =>
        expectations.Add(new SyntheticExpectation(archetype, resource.Id, label, exposed, flagged, reason));

    private static string NextPrivateIp(VpcNetwork vpc, SubnetInfo subnet)
    {
        // Subnets are /20s: the third octet of the base plus the host's high byte stays inside the subnet.
        var parts = subnet.Cidr.Split('.', '/');
        var host = vpc.NextHost++;
        var third = int.Parse(parts[2], CultureInfo.InvariantCulture) + host / 256;
        return string.Create(CultureInfo.InvariantCulture, $"{parts[0]}.{parts[1]}.{third}.{host % 256}");
    }

    private string NextPublicIp()
    {
        var n = _publicIps++;
        return string.Create(CultureInfo.InvariantCulture, $"54.{(n >> 16) % 256}.{(n >> 8) % 256}.{n % 256}");
    }
}
