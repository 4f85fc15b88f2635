namespace CloudPI.Graph.Synthetic;

/// <summary>
/// IAM of the synthetic account: service principals, the shared AdministratorAccess policy, a vendor role trusted
/// by a foreign account, and per application a web role (s3:GetObject on its bucket), a worker role that may assume
/// the deploy role (an <c>STS_ASSUMEROLE_ALLOW</c> chain to admin), the admin deploy role and a Lambda role.
/// </summary>
internal sealed class SyntheticIam
{
    public const string ForeignAccountId = "999988887777";

    private readonly SyntheticEmitter _emit;
    private readonly string _accountId;
    private readonly Emitted _ec2Service;
    private readonly Emitted _lambdaService;
    private readonly Emitted _adminPolicy;

    public SyntheticIam(SyntheticEmitter emit, string accountId)
    {
        _emit = emit;
        _accountId = accountId;
        _ec2Service = ServicePrincipal("ec2.amazonaws.com");
        _lambdaService = ServicePrincipal("lambda.amazonaws.com");

        // AWS-managed policies and the foreign account are one node each in an organisation's graph, as Cartography
        // merges them by id; the first account of a synthetic organisation creates them.
        const string AdminPolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess";
        var firstAccount = !emit.HasSharedNode(AdminPolicyArn);
        _adminPolicy = new Emitted(
            emit.SharedNode(AdminPolicyArn, SyntheticLabels.ManagedPolicy, () => new Props
            {
                { "id", AdminPolicyArn },
                { "arn", AdminPolicyArn },
                { "name", "AdministratorAccess" },
                { "type", "managed" },
            }),
            AdminPolicyArn);
        if (firstAccount)
        {
            Statements(_adminPolicy, (["*"], ["*"]));
        }

        var foreignAccount = emit.SharedNode("account:" + ForeignAccountId, SyntheticLabels.Account[..1], () => new Props { { "id", ForeignAccountId }, { "foreign", true } });
        var foreignRoot = emit.SharedNode($"arn:aws:iam::{ForeignAccountId}:root", SyntheticLabels.RootPrincipal, () => new Props
        {
            { "id", $"arn:aws:iam::{ForeignAccountId}:root" },
            { "arn", $"arn:aws:iam::{ForeignAccountId}:root" },
        });
        if (firstAccount)
        {
            emit.Link(foreignAccount, "RESOURCE", foreignRoot);
        }

        var vendor = Role("vendor-audit", foreignRoot);
        InlinePolicy(vendor, "audit-read", (["s3:GetObject", "s3:ListBucket"], ["*"]));
    }

    /// <summary>An audit role the organisation's first account may assume (its root principal is trusted): a cross-account trust.</summary>
    public Emitted OrganisationAuditRole(string firstAccountRoot)
    {
        var audit = Role("org-audit", firstAccountRoot);
        InlinePolicy(audit, "describe", (["ec2:Describe*"], ["*"]));
        return audit;
    }

    /// <summary>The worker role of this account's first application, once created.</summary>
    public Emitted? FirstWorker { get; private set; }

    /// <summary><paramref name="role"/> (of this account) may assume <paramref name="other"/> (of another account that trusts
    /// this one): its policy allows sts:AssumeRole on it, and Cartography records the edge.</summary>
    public void MayAssume(Emitted role, Emitted other)
    {
        InlinePolicy(role, "assume-" + other.Id.Split(':')[4], (["sts:AssumeRole"], [other.Id]));
        _emit.Link(role.Node, "STS_ASSUMEROLE_ALLOW", other.Node);
    }

    public AppRoles CreateAppRoles(string app, string dataBucketName)
    {
        var web = Role(app + "-web", _ec2Service.Node);
        InlinePolicy(web, "read-data", (["s3:GetObject"], [$"arn:aws:s3:::{dataBucketName}/*"]));

        var deploy = Role(app + "-deploy", _ec2Service.Node);
        _emit.Link(deploy.Node, "POLICY", _adminPolicy.Node);

        var worker = Role(app + "-worker", _ec2Service.Node);
        InlinePolicy(worker, "queues-and-deploy", (["sqs:*"], ["*"]), (["sts:AssumeRole"], [deploy.Id]));
        _emit.Link(deploy.Node, "TRUSTS_AWS_PRINCIPAL", worker.Node);
        _emit.Link(worker.Node, "STS_ASSUMEROLE_ALLOW", deploy.Node);
        FirstWorker ??= worker;

        var lambda = Role(app + "-lambda", _lambdaService.Node);
        InlinePolicy(lambda, "logs", (["logs:CreateLogStream", "logs:PutLogEvents"], ["*"]));

        return new AppRoles(web, worker, deploy, lambda, InstanceProfile(web), InstanceProfile(worker), InstanceProfile(deploy));
    }

    private Emitted ServicePrincipal(string service) =>
        new(_emit.SharedNode(service, SyntheticLabels.ServicePrincipal, () => new Props { { "id", service }, { "arn", service }, { "type", "service" } }), service);

    private Emitted Role(string name, string trustedPrincipal)
    {
        var arn = $"arn:aws:iam::{_accountId}:role/{name}";
        var role = new Emitted(_emit.Node(SyntheticLabels.Role, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "name", name },
            { "path", "/" },
            { "roleid", _emit.NewAwsId("AROA").ToUpperInvariant() },
        }), arn);
        _emit.Link(role.Node, "TRUSTS_AWS_PRINCIPAL", trustedPrincipal);
        return role;
    }

    private void InlinePolicy(Emitted role, string name, params (string[] Actions, string[] Resources)[] statements)
    {
        var id = $"{role.Id}/inline_policy/{name}";
        var policy = new Emitted(_emit.Node(SyntheticLabels.InlinePolicy, new Props { { "id", id }, { "name", name }, { "type", "inline" } }), id);
        _emit.Link(role.Node, "POLICY", policy.Node);
        Statements(policy, statements);
    }

    private void Statements(Emitted policy, params (string[] Actions, string[] Resources)[] statements)
    {
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = _emit.Node(SyntheticLabels.PolicyStatement, new Props
            {
                { "id", $"{policy.Id}/statement/{i + 1}" },
                { "effect", "Allow" },
                { "action", statements[i].Actions },
                { "resource", statements[i].Resources },
            }, resource: false, owned: false);
            _emit.Link(policy.Node, "STATEMENT", statement);
        }
    }

    private Emitted InstanceProfile(Emitted role)
    {
        var name = role.Id[(role.Id.LastIndexOf('/') + 1)..] + "-profile";
        var arn = $"arn:aws:iam::{_accountId}:instance-profile/{name}";
        var profile = new Emitted(_emit.Node(SyntheticLabels.InstanceProfile, new Props { { "id", arn }, { "arn", arn }, { "name", name } }), arn);
        _emit.Link(profile.Node, "ASSOCIATED_WITH", role.Node);
        return profile;
    }
}
