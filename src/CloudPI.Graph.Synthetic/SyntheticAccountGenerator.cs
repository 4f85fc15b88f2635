using System.Globalization;

namespace CloudPI.Graph.Synthetic;

/// <summary>
/// Generates a realistic Cartography-shaped AWS account, deterministically from a seed (same seed and size, same
/// graph and same APOC bytes). Nodes carry both label generations as current Cartography writes them.
/// </summary>
/// <remarks>
/// <para>Layout: one account; VPCs (about one per 900 resources) spread over up to three regions, every third
/// one <c>environment=dev</c>, the rest prod. Each VPC has an IGW, two public subnets (explicitly associated to a
/// table routing 0.0.0.0/0 to the IGW), two private subnets (one explicitly associated, one using the main
/// table; both route 0.0.0.0/0 to a NAT), a default allow-all NACL and a custom NACL denying 22 and 3389 on
/// public subnet B, the security groups of <see cref="SecurityGroupTemplates"/>, an internet-facing ALB (443/80)
/// and NLB (443), a classic ELB (internet-facing in even VPCs, internal in odd ones), a KMS key, an ECS cluster,
/// DB subnet groups, the application's data bucket and IAM roles (web: s3:GetObject on the data bucket;
/// worker: may assume deploy; deploy: AdministratorAccess <c>*:*</c>; lambda), plus a vendor role trusted by a
/// foreign account.</para>
/// <para>Workloads cycle through these archetypes (exposed = the ground truth an analysis should reach;
/// Cartography = whether its own <c>exposed_internet</c> rule agrees, written as the analysis would):</para>
/// <list type="table">
/// <item><term>web-direct</term><description>EC2, public IP, 443/80 from 0.0.0.0/0, IMDSv1 — exposed (Cartography: yes)</description></item>
/// <item><term>ssh-bastion-admin</term><description>EC2, public IP, 22 from 0.0.0.0/0; by round the admin role, the worker role (may assume admin; kept stopped, so not exposed) or the web role — exposed when running (yes: state ignored)</description></item>
/// <item><term>rdp-stopped</term><description>EC2 stopped with EIP, 3389 from 0.0.0.0/0 — not exposed (yes: state ignored)</description></item>
/// <item><term>office-allowlist</term><description>EC2, public IP, 22/443 from 203.0.113.0/24 only — not exposed (no)</description></item>
/// <item><term>split-cidr-ssh</term><description>EC2, public IP, 22 from 0.0.0.0/1 + 128.0.0.0/1 — exposed (no: exact match only)</description></item>
/// <item><term>private-internal</term><description>EC2, private subnet, 10.0.0.0/8 — not exposed (no)</description></item>
/// <item><term>alb-target</term><description>EC2 behind the ALB on 8080, group admits the ALB's group — exposed (yes, elbv2)</description></item>
/// <item><term>nlb-target</term><description>EC2 behind the NLB on 443, 0.0.0.0/0 — exposed (yes, elbv2)</description></item>
/// <item><term>classic-elb-target</term><description>EC2 behind the classic ELB — exposed in even VPCs (internet-facing), not in odd (internal)</description></item>
/// <item><term>nacl-blocked-ssh</term><description>EC2, public IP, 22 from 0.0.0.0/0 in public subnet B whose NACL denies 22 — not exposed (yes)</description></item>
/// <item><term>rds-public / rds-private</term><description>publicly_accessible in public subnets with 5432 open — exposed / private — not exposed (Cartography never flags RDS)</description></item>
/// <item><term>lambda-admin</term><description>Lambda with its own role, no trigger from outside — not exposed</description></item>
/// <item><term>fargate-public</term><description>ECS Fargate task, ENI with public IP, 443/80 open — exposed (yes, container direct)</description></item>
/// <item><term>s3-public / s3-private</term><description>anonymous_access — exposed (yes) / private, KMS — not exposed</description></item>
/// <item><term>sqs-queue</term><description>policy Principal * in even cycles — exposed; account-only in odd — not (Cartography: no flag)</description></item>
/// <item><term>public-ip-no-igw-route</term><description>EC2, public IP, 22 open, but in a private subnet routed to a NAT — not exposed (yes)</description></item>
/// <item><term>redshift</term><description>publicly_accessible with 5439 open in even cycles — exposed; private in odd</description></item>
/// <item><term>eks</term><description>public endpoint in even cycles — exposed (yes); private in odd</description></item>
/// </list>
/// <para>Every EC2 instance has an ENI, a private-IP node and an EBS volume (every third unencrypted) and tags
/// <c>environment</c> and <c>criticality</c>; data stores carry <c>DataClassification</c>. Criticality and
/// classification values change from one round of the cycle to the next, as owners tag real copies differently. The real-graph quirks of
/// the schema appendix are reproduced (see <see cref="SyntheticNetworkBuilder"/>).</para>
/// </remarks>
public static class SyntheticAccountGenerator
{
    /// <summary>Fixed resource nodes of one VPC: network, groups, balancers, IAM of its application, data bucket.</summary>
    private const int NetworkResourcesPerVpc = 63;
    private const int ResourcesPerVpc = 900;
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    /// <summary>Generates about <paramref name="resources"/> resource nodes (not counting rules, ranges, tags).</summary>
    public static SyntheticAccount Generate(int resources, int seed) => Generate(resources, seed, accounts: 1);

    /// <summary>
    /// An AWS Organization as Cartography syncs it into one graph: <paramref name="accounts"/> accounts of about
    /// <paramref name="resources"/> resource nodes each, sharing tag and IP-range nodes. The first account is the one
    /// <see cref="Generate(int, int)"/> writes for the same seed; each of the others has its own id and resources, an
    /// audit role trusting the first account's root principal (the first account's first worker role may assume it)
    /// and a VPC peering from its first VPC to the first account's (the cross-account edges Cartography records).
    /// </summary>
    public static SyntheticAccount Generate(int resources, int seed, int accounts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resources, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        var emit = new SyntheticEmitter(seed);
        var accountIds = new List<string>();
        var expectations = new List<SyntheticExpectation>();
        var vpcCount = 0;
        (string Account, string Vpc) first = default;
        SyntheticIam? firstIam = null;
        for (var index = 0; index < accounts; index++)
        {
            var accountId = AccountId(emit, accountIds, index);
            accountIds.Add(accountId);
            var (vpcs, firstVpc, iam) = AddAccount(emit, resources, seed, index, accountId, expectations);
            vpcCount += vpcs;
            if (index == 0)
            {
                first = (emit.AccountNode!, firstVpc);
                firstIam = iam;
            }
            else
            {
                LinkToFirstAccount(emit, iam, firstIam!, first, accountIds[0], firstVpc);
            }
        }

        return new SyntheticAccount(emit.Build(), accountIds[0], emit.ResourceCount, vpcCount, expectations) { AccountIds = accountIds };
    }

    /// <summary>A twelve-digit id from the seed; the first account's is the one a single-account graph has.</summary>
    private static string AccountId(SyntheticEmitter emit, List<string> taken, int index)
    {
        for (var salt = 1UL + (ulong)index * 7919UL; ; salt++)
        {
            var id = (100_000_000_000UL + emit.Number(salt) % 900_000_000_000UL).ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    /// <summary>An audit role trusting the first account's root principal, which the first account's first worker role
    /// may assume, and a peering to the first account's first VPC.</summary>
    private static void LinkToFirstAccount(SyntheticEmitter emit, SyntheticIam iam, SyntheticIam firstIam, (string Account, string Vpc) first, string firstAccountId, string vpc)
    {
        var rootArn = $"arn:aws:iam::{firstAccountId}:root";
        var created = !emit.HasSharedNode(rootArn);
        var root = emit.SharedNode(rootArn, SyntheticLabels.RootPrincipal, () => new Props { { "id", rootArn }, { "arn", rootArn } });
        if (created)
        {
            emit.Link(first.Account, "RESOURCE", root);
        }

        var audit = iam.OrganisationAuditRole(root);
        if (firstIam.FirstWorker is { } worker)
        {
            firstIam.MayAssume(worker, audit);
        }

        var peering = emit.Node(SyntheticLabels.PeeringConnection, new Props { { "id", emit.NewAwsId("pcx") }, { "status_code", "active" } }, resource: false);
        emit.Link(peering, "REQUESTER_VPC", vpc);
        emit.Link(peering, "ACCEPTER_VPC", first.Vpc);
    }

    /// <summary>One account's nodes, owned by its own account node; returns its VPC count, first VPC node and IAM.</summary>
    private static (int VpcCount, string FirstVpc, SyntheticIam Iam) AddAccount(SyntheticEmitter emit, int resources, int seed, int index, string accountId, List<SyntheticExpectation> expectations)
    {
        var name = "synthetic-" + seed.ToString(CultureInfo.InvariantCulture) + (index == 0 ? string.Empty : "-" + index.ToString(CultureInfo.InvariantCulture));
        emit.AccountNode = emit.Node(SyntheticLabels.Account, new Props
        {
            { "id", accountId },
            { "name", name },
            { "arn", $"arn:aws:iam::{accountId}:root" },
            { "inscope", true },
        }, owned: false);

        var iam = new SyntheticIam(emit, accountId);
        var network = new SyntheticNetworkBuilder(emit, accountId);
        var workloads = new SyntheticWorkloads(emit, accountId, expectations);
        var vpcCount = Math.Max(1, (int)Math.Round(resources / (double)ResourcesPerVpc));
        var workloadsPerVpc = Math.Max(
            SyntheticWorkloads.Archetypes.Length,
            (int)((resources / (double)vpcCount - NetworkResourcesPerVpc) / SyntheticWorkloads.ResourcesPerWorkload));
        var regionCount = Math.Min(Regions.Length, vpcCount);
        string? firstVpc = null;

        for (var v = 0; v < vpcCount; v++)
        {
            var app = "app" + v.ToString("D3", CultureInfo.InvariantCulture);
            var dataBucket = $"{app}-data-{accountId}";
            var vpc = network.Create(v, Regions[v % regionCount], v % 3 == 2 ? "dev" : "prod", iam.CreateAppRoles(app, dataBucket));
            firstVpc ??= vpc.Vpc.Node;
            workloads.DataBucket(vpc, dataBucket);
            for (var slot = 0; slot < workloadsPerVpc; slot++)
            {
                workloads.Create(vpc, slot);
            }
        }

        return (vpcCount, firstVpc!, iam);
    }
}
