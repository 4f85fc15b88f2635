using CloudPI.Reachability;
using CloudPI.Iac.Tests;

namespace CloudPI.PlannedExposure.Tests;

/// <summary>The six hand-made pairs (live graph + preview), each with the path it must report.</summary>
public sealed class ExposureDiffTests
{
    private const string Unknown = PreviewBuilder.Unknown;

    private static IReadOnlyList<PathChange> Changes(PreviewBuilder preview) => ExposureDiff.Compare(preview.Build(), LiveAccount.Build()).Changes;

    private static string Urn(string type, string name) => PreviewBuilder.Urn(type, name);

    [Fact]
    public void A_new_rule_opens_an_existing_instance()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.SecurityGroupRule, "web_in",
            """{"type":"ingress","securityGroupId":"sg-closed","protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["0.0.0.0/0"]}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "i-web", "tcp/8443"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-closed tcp/8443 → i-web", opened.Path);
        Assert.Equal("web_in", opened.Cause?.Name);
        Assert.NotNull(opened.Exploitability);
    }

    [Fact]
    public void A_new_instance_in_a_public_subnet_with_an_open_group_is_reachable()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.Instance, "bastion",
            """{"instanceType":"t3.micro","subnetId":"subnet-public","vpcSecurityGroupIds":["sg-web"]}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "i-planned-bastion", "tcp/443"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-web tcp/443 → i-planned-bastion", opened.Path);
        Assert.Equal("bastion", opened.Cause?.Name);
    }

    [Fact]
    public void A_default_route_to_the_internet_gateway_opens_a_private_subnet()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.Route, "private_default",
            """{"routeTableId":"rtb-private","destinationCidrBlock":"0.0.0.0/0","gatewayId":"igw-1"}""", op: "update", id: "r-rtb-private1080289494"));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "i-db", "tcp/22"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-private → acl-default#100 → sg-ssh tcp/22 → i-db", opened.Path);
        Assert.Equal("private_default", opened.Cause?.Name);
    }

    [Fact]
    public void A_new_internet_facing_balancer_opens_its_private_targets()
    {
        var lb = Urn(PulumiTypes.LoadBalancer, "public_alb");
        var tg = Urn(PulumiTypes.TargetGroup, "app_tg");
        var changes = Changes(new PreviewBuilder()
            .Add(PulumiTypes.LoadBalancer, "public_alb", """{"internal":false,"loadBalancerType":"application","securityGroups":["sg-web"],"subnets":["subnet-public"]}""")
            .Add(PulumiTypes.TargetGroup, "app_tg", """{"port":8080,"protocol":"HTTP","targetType":"instance","vpcId":"vpc-1"}""")
            .Add(PulumiTypes.Listener, "https", $$"""{"loadBalancerArn":"{{Unknown}}","port":443,"protocol":"HTTPS","defaultActions":[{"type":"forward","targetGroupArn":"{{Unknown}}"}]}""",
                dependencies: $$"""{"loadBalancerArn":["{{lb}}"],"defaultActions":["{{tg}}"]}""")
            .Add(PulumiTypes.TargetGroupAttachment, "app_attachment", $$"""{"targetGroupArn":"{{Unknown}}","targetId":"i-app","port":8080}""",
                dependencies: $$"""{"targetGroupArn":["{{tg}}"]}"""));

        var target = Assert.Single(changes, c => c.ResourceId == "i-app");
        Assert.Equal((ChangeKind.Opened, "tcp/8080"), (target.Kind, target.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → elbv2 public_alb listener 443 → sg-web tcp/443 → target port 8080 → acl-default#100 → sg-app → i-app", target.Path);
        Assert.Equal("public_alb", target.Cause?.Name);
    }

    [Fact]
    public void A_nacl_deny_closes_a_path_and_is_reported_as_fixed()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.NetworkAclRule, "deny_ssh",
            """{"networkAclId":"acl-default","ruleNumber":50,"egress":false,"protocol":"tcp","ruleAction":"deny","cidrBlock":"0.0.0.0/0","fromPort":22,"toPort":22}"""));

        var closed = Assert.Single(changes);
        Assert.Equal((ChangeKind.Closed, "i-ssh", "tcp/22"), (closed.Kind, closed.ResourceId, closed.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public ✗ acl-default#50", closed.Path);
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-ssh tcp/22 → i-ssh", closed.LivePath);
        Assert.Equal("deny_ssh", closed.Cause?.Name);
    }

    [Fact]
    public void A_decisive_value_unknown_before_deployment_is_undecided_and_named()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.SecurityGroupRule, "partner_in",
            $$"""{"type":"ingress","securityGroupId":"sg-closed","protocol":"tcp","fromPort":9000,"toPort":9000,"cidrBlocks":["{{Unknown}}"]}"""));

        var undecided = Assert.Single(changes);
        Assert.Equal((ChangeKind.Undecided, "i-web", "tcp/9000"), (undecided.Kind, undecided.ResourceId, undecided.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-closed tcp/9000 → i-web", undecided.Path);
        var unknown = Assert.Single(undecided.Unknowns);
        Assert.Equal(("partner_in", "cidrBlocks"), (unknown.Resource.Name, unknown.Property));
        Assert.Contains("partner_in.cidrBlocks (unknown before deployment)", undecided.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Making_a_private_database_publicly_accessible_opens_its_port()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.DbInstance, "orders",
            """{"identifier":"orders","engine":"postgres","instanceClass":"db.t4g.micro","publiclyAccessible":true,"dbSubnetGroupName":"db-public","vpcSecurityGroupIds":["sg-pg"]}""",
            op: "update", id: "db-ORDERS"));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, LiveAccount.OrdersDatabase, "tcp/5432"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal($"internet → igw-1 → rtb-public → acl-default#100 → sg-pg tcp/5432 → {LiveAccount.OrdersDatabase}", opened.Path);
        Assert.Equal("orders", opened.Cause?.Name);
    }

    [Fact]
    public void A_new_public_database_in_a_new_subnet_group_of_the_public_subnet_is_reachable()
    {
        var group = Urn(PulumiTypes.DbSubnetGroup, "reports_subnets");
        var changes = Changes(new PreviewBuilder()
            .Add(PulumiTypes.DbSubnetGroup, "reports_subnets", """{"name":"reports","subnetIds":["subnet-public"]}""")
            .Add(PulumiTypes.DbInstance, "reports", $$"""{"identifier":"reports","engine":"mysql","publiclyAccessible":true,"dbSubnetGroupName":"{{Unknown}}","vpcSecurityGroupIds":["sg-pg"],"port":5432}""",
                dependencies: $$"""{"dbSubnetGroupName":["{{group}}"]}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "arn:aws:rds:planned:planned:db:reports", "tcp/5432"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-pg tcp/5432 → arn:aws:rds:planned:planned:db:reports", opened.Path);
        Assert.Equal("reports", opened.Cause?.Name);
    }

    [Fact]
    public void A_database_whose_public_accessibility_is_unknown_is_undecided()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.DbInstance, "orders",
            $$"""{"identifier":"orders","engine":"postgres","publiclyAccessible":"{{Unknown}}"}""", op: "update", id: "db-ORDERS"));

        var undecided = Assert.Single(changes);
        Assert.Equal((ChangeKind.Undecided, LiveAccount.OrdersDatabase, "tcp/5432"), (undecided.Kind, undecided.ResourceId, undecided.Traffic.ToString()));
        Assert.Equal(("orders", "publiclyAccessible"), (Assert.Single(undecided.Unknowns).Resource.Name, undecided.Unknowns[0].Property));
    }

    [Fact]
    public void A_permission_letting_everyone_invoke_a_function_makes_it_reachable()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.FunctionPermission, "anyone_invokes",
            """{"action":"lambda:InvokeFunction","function":"thumbnails","principal":"*"}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, LiveAccount.ThumbnailsFunction, "tcp/443"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal($"internet → lambda policy → {LiveAccount.ThumbnailsFunction}", opened.Path);
        Assert.Equal("anyone_invokes", opened.Cause?.Name);
    }

    [Fact]
    public void A_public_function_url_permission_on_a_new_function_makes_it_reachable()
    {
        var function = Urn(PulumiTypes.Function, "webhook");
        var changes = Changes(new PreviewBuilder()
            .Add(PulumiTypes.Function, "webhook", """{"name":"webhook","runtime":"nodejs20.x","role":"arn:aws:iam::111122223333:role/webhook"}""")
            .Add(PulumiTypes.FunctionUrl, "webhook_url", $$"""{"functionName":"{{Unknown}}","authorizationType":"NONE"}""", dependencies: $$"""{"functionName":["{{function}}"]}""")
            .Add(PulumiTypes.FunctionPermission, "webhook_public", $$"""{"action":"lambda:InvokeFunctionUrl","function":"{{Unknown}}","principal":"*","functionUrlAuthType":"NONE"}""",
                dependencies: $$"""{"function":["{{function}}"]}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "arn:aws:lambda:planned:planned:function:webhook", "tcp/443"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("webhook", opened.Cause?.Name);
    }

    [Fact]
    public void An_updated_function_keeps_its_name_for_the_permissions_that_name_it()
    {
        var changes = Changes(new PreviewBuilder()
            .Add(PulumiTypes.Function, "thumbnailer", """{"runtime":"python3.12","memorySize":512}""", op: "update", id: "thumbnails")
            .Add(PulumiTypes.FunctionPermission, "anyone_invokes", """{"action":"lambda:InvokeFunction","function":"thumbnails","principal":"*"}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, LiveAccount.ThumbnailsFunction), (opened.Kind, opened.ResourceId));
    }

    [Theory]
    [InlineData("""{"action":"lambda:InvokeFunction","function":"thumbnails","principal":"s3.amazonaws.com","sourceArn":"arn:aws:s3:::uploads"}""")]
    [InlineData("""{"action":"lambda:InvokeFunction","function":"thumbnails","principal":"*","sourceAccount":"111122223333"}""")]
    [InlineData("""{"action":"lambda:InvokeFunction","function":"thumbnails","principal":"444455556666"}""")]
    public void A_permission_for_a_service_an_account_or_a_tied_principal_opens_nothing(string inputs)
    {
        Assert.Empty(Changes(new PreviewBuilder().Add(PulumiTypes.FunctionPermission, "invoker", inputs)));
    }

    [Fact]
    public void A_permission_whose_principal_is_unknown_is_undecided()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.FunctionPermission, "invoker",
            $$"""{"action":"lambda:InvokeFunction","function":"thumbnails","principal":"{{Unknown}}"}"""));

        var undecided = Assert.Single(changes);
        Assert.Equal((ChangeKind.Undecided, LiveAccount.ThumbnailsFunction), (undecided.Kind, undecided.ResourceId));
        Assert.Equal(("invoker", "principal"), (Assert.Single(undecided.Unknowns).Resource.Name, undecided.Unknowns[0].Property));
    }

    private const string PublicReadPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::assets/*"}]}""";

    [Fact]
    public void A_public_bucket_policy_makes_a_bucket_without_a_block_public()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.BucketPolicy, "assets_policy",
            $$"""{"bucket":"assets","policy":{{System.Text.Json.JsonSerializer.Serialize(PublicReadPolicy)}}}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "assets", "tcp/443"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → s3 policy assets/policy_statement/1/PublicRead → assets", opened.Path);
        Assert.Equal("assets_policy", opened.Cause?.Name);
        Assert.StartsWith("newly public", opened.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_policy_on_a_bucket_that_blocks_public_access_stays_neutralised()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.BucketPolicy, "reports_policy",
            $$"""{"bucket":"reports","policy":{{System.Text.Json.JsonSerializer.Serialize(PublicReadPolicy.Replace("assets", "reports", StringComparison.Ordinal))}}}""", op: "update", id: "reports"));

        Assert.Empty(changes);
    }

    [Fact]
    public void Removing_the_access_block_un_neutralises_an_existing_public_policy()
    {
        var changes = Changes(new PreviewBuilder().Delete(PulumiTypes.BucketPublicAccessBlock, "reports_block",
            """{"bucket":"reports","blockPublicAcls":true,"ignorePublicAcls":true,"blockPublicPolicy":true,"restrictPublicBuckets":true}""", id: "reports"));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "reports", "tcp/443"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → s3 policy reports/policy_statement/1/PublicRead → reports", opened.Path);
        Assert.Equal("reports_block", opened.Cause?.Name);
    }

    [Fact]
    public void An_access_block_that_restricts_public_buckets_fixes_a_public_bucket()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.BucketPublicAccessBlock, "downloads_block",
            """{"bucket":"downloads","blockPublicAcls":true,"ignorePublicAcls":true,"blockPublicPolicy":true,"restrictPublicBuckets":true}"""));

        var closed = Assert.Single(changes);
        Assert.Equal((ChangeKind.Closed, "downloads"), (closed.Kind, closed.ResourceId));
        Assert.Equal("internet → s3 policy downloads/policy_statement/1/PublicRead → downloads", closed.LivePath);
        Assert.Contains("restrict_public_buckets on the bucket", closed.Reason, StringComparison.Ordinal);
        Assert.Equal("downloads_block", closed.Cause?.Name);
    }

    [Fact]
    public void A_bucket_policy_known_only_at_deployment_is_undecided()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.BucketPolicy, "assets_policy", $$"""{"bucket":"assets","policy":"{{Unknown}}"}"""));

        var undecided = Assert.Single(changes);
        Assert.Equal((ChangeKind.Undecided, "assets"), (undecided.Kind, undecided.ResourceId));
        Assert.Equal(("assets_policy", "policy"), (Assert.Single(undecided.Unknowns).Resource.Name, undecided.Unknowns[0].Property));
    }

    [Fact]
    public void Accepting_imdsv1_on_a_reachable_web_host_with_a_role_is_newly_exploitable()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.Instance, "shop", """{"instanceType":"t3.small","metadataOptions":{"httpTokens":"optional"}}""", op: "update", id: "i-shop"));

        var change = Assert.Single(changes);
        Assert.Equal((ChangeKind.NewlyExploitable, "i-shop", "tcp/443"), (change.Kind, change.ResourceId, change.Traffic.ToString()));
        Assert.Equal("ec2-imdsv2-check", change.Control.Id);
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-web tcp/443 → i-shop", change.Path);
        Assert.Contains("before: the weakness was absent", change.Reason, StringComparison.Ordinal);
        Assert.Equal("shop", change.Cause?.Name);
    }

    [Fact]
    public void An_instance_profile_on_a_reachable_imdsv1_host_is_newly_exploitable()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.Instance, "blog", """{"instanceType":"t3.small","iamInstanceProfile":"shop-profile"}""", op: "update", id: "i-blog"));

        var change = Assert.Single(changes);
        Assert.Equal((ChangeKind.NewlyExploitable, "i-blog", "tcp/443"), (change.Kind, change.ResourceId, change.Traffic.ToString()));
        Assert.Equal(Exploitability.ExploitabilityStatus.Exploitable, change.Exploitability?.Status);
        Assert.Contains("before: notexploitable: no IAM role is attached", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Requiring_imdsv2_on_a_reachable_host_reports_nothing_new()
    {
        Assert.Empty(Changes(new PreviewBuilder().Add(PulumiTypes.Instance, "blog", """{"metadataOptions":{"httpTokens":"required"},"iamInstanceProfile":"shop-profile"}""", op: "update", id: "i-blog")));
    }

    [Fact]
    public void A_rule_deleted_in_an_engine_event_stream_closes_its_path()
    {
        var urn = Urn(PulumiTypes.SecurityGroupRule, "ssh_in");
        var events = string.Join('\n',
            """{"sequence":1,"timestamp":1,"preludeEvent":{"config":{"aws:region":"eu-west-1"}}}""",
            $$$$"""{"sequence":2,"timestamp":2,"resourcePreEvent":{"metadata":{"op":"delete","urn":"{{{{urn}}}}","type":"{{{{PulumiTypes.SecurityGroupRule}}}}","old":{"urn":"{{{{urn}}}}","type":"{{{{PulumiTypes.SecurityGroupRule}}}}","id":"sgrule-1","inputs":{"type":"ingress","securityGroupId":"sg-ssh","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}},"new":null,"provider":""}}}""",
            """{"sequence":3,"timestamp":3,"summaryEvent":{"resourceChanges":{"delete":1}}}""");
        var stack = CloudPI.Iac.Reading.IacInputReader.Read(System.Text.Encoding.UTF8.GetBytes(events), "events.jsonl");

        var changes = ExposureDiff.Compare(stack, LiveAccount.Build()).Changes;

        var closed = Assert.Single(changes);
        Assert.Equal((ChangeKind.Closed, "i-ssh", "tcp/22", "ssh_in"), (closed.Kind, closed.ResourceId, closed.Traffic.ToString(), closed.Cause?.Name));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-ssh tcp/22 → i-ssh", closed.LivePath);
    }

    [Fact]
    public void An_elastic_ip_on_an_instance_without_a_public_address_opens_it()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.Eip, "build_ip", """{"domain":"vpc","instance":"i-build"}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "i-build", "tcp/22"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-ssh tcp/22 → i-build", opened.Path);
        Assert.Equal("build_ip", opened.Cause?.Name);
    }

    [Fact]
    public void An_elastic_ip_association_whose_instance_is_unknown_is_recorded_not_guessed()
    {
        var eip = Urn(PulumiTypes.Eip, "spare_ip");
        var preview = new PreviewBuilder()
            .Add(PulumiTypes.Eip, "spare_ip", """{"domain":"vpc"}""")
            .Add(PulumiTypes.EipAssociation, "spare_assoc", $$"""{"allocationId":"{{Unknown}}","instanceId":"{{Unknown}}"}""", dependencies: $$"""{"allocationId":["{{eip}}"]}""");

        var planned = PulumiOverlay.Apply(preview.Build(), LiveAccount.Build(), UnknownResolution.Widest);

        Assert.Contains(planned.Unknowns, u => (u.Resource.Name, u.Property) == ("spare_assoc", "instanceId"));
        Assert.DoesNotContain(Changes(preview), c => c.Kind == ChangeKind.Opened);
    }

    [Fact]
    public void A_new_publicly_accessible_member_of_a_live_cluster_takes_the_cluster_network_and_is_reachable()
    {
        var changes = Changes(new PreviewBuilder().Add(PulumiTypes.DbClusterInstance, "ledger_reader",
            """{"clusterIdentifier":"ledger","identifier":"ledger-2","engine":"aurora-postgresql","instanceClass":"db.r6g.large","publiclyAccessible":true}"""));

        var opened = Assert.Single(changes);
        Assert.Equal((ChangeKind.Opened, "arn:aws:rds:planned:planned:db:ledger-2", "tcp/5432"), (opened.Kind, opened.ResourceId, opened.Traffic.ToString()));
        Assert.Equal("internet → igw-1 → rtb-public → acl-default#100 → sg-pg tcp/5432 → arn:aws:rds:planned:planned:db:ledger-2", opened.Path);
        Assert.Equal("ledger_reader", opened.Cause?.Name);
    }

    [Fact]
    public void A_cluster_moved_behind_a_closed_group_changes_its_members_groups()
    {
        var planned = PulumiOverlay.Apply(new PreviewBuilder().Add(PulumiTypes.DbCluster, "ledger",
            """{"clusterIdentifier":"ledger","engine":"aurora-postgresql","vpcSecurityGroupIds":["sg-closed"]}""", op: "update", id: "ledger").Build(), LiveAccount.Build(), UnknownResolution.Widest);

        var member = Assert.Single(planned.Graph.FindAll("arn:aws:rds:eu-west-1:111122223333:db:ledger-1"));
        Assert.Equal(["sg-closed"], member.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", CloudPI.Graph.Direction.Outgoing).Select(g => g.Id));
    }

    [Fact]
    public void An_egress_rule_is_understood_and_opens_nothing_inbound()
    {
        var (changes, notModelled) = ExposureDiff.Compare(new PreviewBuilder().Add(PulumiTypes.SecurityGroupEgressRule, "all_out",
            """{"securityGroupId":"sg-closed","ipProtocol":"-1","cidrIpv4":"0.0.0.0/0"}""").Build(), LiveAccount.Build());

        Assert.Empty(changes);
        Assert.Empty(notModelled);
    }
}
