using System.Globalization;

namespace CloudPI.Graph.Synthetic;

/// <summary>
/// Emits one VPC's network: IGW; public subnets routed to it and private subnets routed to a NAT (one explicit
/// association, one through the main table); a default allow-all NACL and a custom NACL denying 22/3389;
/// the template security groups; an internet-facing ALB and NLB and a classic ELB with listeners.
/// Reproduces the real-graph quirks: route tables without <c>vpc_id</c>, one subnet edge per NACL, empty ELBv2
/// listener <c>targetgrouparn</c>, no subnet edge on classic ELBs.
/// </summary>
/// <summary>Where a route table's 0.0.0.0/0 goes: an internet gateway (id and node) or a NAT gateway.</summary>
internal sealed record DefaultRoute(string? GatewayId, string? GatewayNode, string? NatId);

internal sealed class SyntheticNetworkBuilder(SyntheticEmitter emit, string accountId)
{
    public VpcNetwork Create(int index, string region, string environment, AppRoles roles)
    {
        var name = "app" + index.ToString("D3", CultureInfo.InvariantCulture);
        var octet = index % 250;
        var vpcCidr = $"10.{octet}.0.0/16";
        var vpcId = emit.NewAwsId("vpc");
        var vpc = new Emitted(emit.Node(SyntheticLabels.Vpc, new Props
        {
            { "id", vpcId },
            { "vpcid", vpcId },
            { "primary_cidr_block", vpcCidr },
            { "is_default", false },
            { "state", "available" },
            { "region", region },
        }), vpcId);
        emit.Tag(vpc.Node, "environment", environment);

        var igwId = emit.NewAwsId("igw");
        var igw = emit.Node(SyntheticLabels.InternetGateway, new Props
        {
            { "id", igwId },
            { "arn", $"arn:aws:ec2:{region}:{accountId}:internet-gateway/{igwId}" },
            { "ownerid", accountId },
            { "region", region },
        });
        emit.Link(igw, "ATTACHED_TO", vpc.Node);

        var publicA = Subnet(vpc, region, $"10.{octet}.0.0/20", region + "a", isPublic: true);
        var publicB = Subnet(vpc, region, $"10.{octet}.16.0/20", region + "b", isPublic: true);
        var privateA = Subnet(vpc, region, $"10.{octet}.32.0/20", region + "a", isPublic: false);
        var privateB = Subnet(vpc, region, $"10.{octet}.48.0/20", region + "b", isPublic: false);

        var natId = emit.NewAwsId("nat");
        var toNat = new DefaultRoute(null, null, natId);
        var mainTable = RouteTable(vpc, region, vpcCidr, main: true, toNat);
        var publicTable = RouteTable(vpc, region, vpcCidr, main: false, new DefaultRoute(igwId, igw, null));
        var privateTable = RouteTable(vpc, region, vpcCidr, main: false, toNat);
        Associate(mainTable, null);
        Associate(publicTable, publicA);
        Associate(publicTable, publicB);
        Associate(privateTable, privateA);

        // Quirk 2: each NACL keeps only its last subnet association; public-a has no NACL edge at all.
        NetworkAcl(vpc, region, isDefault: true, privateB, denyPorts: []);
        NetworkAcl(vpc, region, isDefault: false, publicB, denyPorts: [22, 3389]);

        var groups = new Dictionary<string, Emitted>(StringComparer.Ordinal);
        foreach (var template in SecurityGroupTemplates.All)
        {
            groups[template.Name] = SecurityGroup(vpc, region, template, groups);
        }

        var classicInternetFacing = index % 2 == 0;
        var (alb, albTargets) = LoadBalancerV2(region, name + "-alb", "application", groups[SecurityGroupTemplates.WebPublic], [publicA, publicB], [(443, "HTTPS"), (80, "HTTP")], 8080);
        var (nlb, nlbTargets) = LoadBalancerV2(region, name + "-nlb", "network", null, [publicA, publicB], [(443, "TCP")], 443);
        var elb = ClassicElb(region, name + "-elb", classicInternetFacing, groups[classicInternetFacing ? SecurityGroupTemplates.WebPublic : SecurityGroupTemplates.Internal],
            classicInternetFacing ? [publicA, publicB] : [privateA, privateB]);

        return new VpcNetwork
        {
            Name = name,
            Region = region,
            Environment = environment,
            Vpc = vpc,
            PublicA = publicA,
            PublicB = publicB,
            PrivateA = privateA,
            PrivateB = privateB,
            SecurityGroups = groups,
            Alb = alb,
            AlbTargetGroup = albTargets,
            Nlb = nlb,
            NlbTargetGroup = nlbTargets,
            ClassicElb = elb,
            ClassicElbInternetFacing = classicInternetFacing,
            PublicDbSubnetGroup = DbSubnetGroup(region, name + "-public-db", [publicA, publicB]),
            PrivateDbSubnetGroup = DbSubnetGroup(region, name + "-private-db", [privateA, privateB]),
            EcsCluster = EcsCluster(region, name),
            KmsKey = KmsKey(region),
            Roles = roles,
        };
    }

    private SubnetInfo Subnet(Emitted vpc, string region, string cidr, string zone, bool isPublic)
    {
        var id = emit.NewAwsId("subnet");
        var node = emit.Node(SyntheticLabels.Subnet, new Props
        {
            { "id", id },
            { "subnetid", id },
            { "subnet_id", id },
            { "subnet_arn", $"arn:aws:ec2:{region}:{accountId}:subnet/{id}" },
            { "cidr_block", cidr },
            { "availability_zone", zone },
            { "map_public_ip_on_launch", isPublic },
            { "default_for_az", false },
            { "vpc_id", vpc.Id },
            { "region", region },
        });
        emit.Link(node, "MEMBER_OF_AWS_VPC", vpc.Node);
        return new SubnetInfo(new Emitted(node, id), cidr, zone);
    }

    private Emitted RouteTable(Emitted vpc, string region, string vpcCidr, bool main, DefaultRoute defaultRoute)
    {
        var id = emit.NewAwsId("rtb");
        // Quirk 1: no vpc_id property; the VPC is only reachable through MEMBER_OF_AWS_VPC.
        var table = new Emitted(emit.Node(SyntheticLabels.RouteTable, new Props
        {
            { "id", id },
            { "route_table_id", id },
            { "main", main },
            { "owner_id", accountId },
            { "region", region },
        }), id);
        emit.Link(table.Node, "MEMBER_OF_AWS_VPC", vpc.Node);
        Route(table, region, vpcCidr, "local", null, null);
        Route(table, region, SecurityGroupTemplates.World, defaultRoute.GatewayId, defaultRoute.NatId, defaultRoute.GatewayNode);
        return table;
    }

    private void Route(Emitted table, string region, string destination, string? gatewayId, string? natId, string? gatewayNode)
    {
        var route = emit.Node(SyntheticLabels.Route, new Props
        {
            { "id", $"{table.Id}|{destination}" },
            { "route_id", $"{table.Id}|{destination}" },
            { "destination_cidr_block", destination },
            { "gateway_id", gatewayId },
            { "nat_gateway_id", natId },
            { "state", "active" },
            { "origin", gatewayId == "local" ? "CreateRouteTable" : "CreateRoute" },
            { "target", destination },
            { "region", region },
        });
        emit.Link(table.Node, "ROUTE", route);
        if (gatewayNode is not null)
        {
            emit.Link(route, "ROUTES_TO_GATEWAY", gatewayNode);
        }
    }

    private void Associate(Emitted table, SubnetInfo? subnet)
    {
        var id = emit.NewAwsId("rtbassoc");
        var association = emit.Node(SyntheticLabels.RouteTableAssociation, new Props
        {
            { "id", id },
            { "route_table_association_id", id },
            { "main", subnet is null },
            { "subnet_id", subnet?.Emitted.Id },
            { "target", subnet?.Emitted.Id ?? "main" },
            { "association_state", "associated" },
        });
        emit.Link(table.Node, "ASSOCIATION", association);
        if (subnet is not null)
        {
            emit.Link(association, "ASSOCIATED_SUBNET", subnet.Emitted.Node);
        }
    }

    private void NetworkAcl(Emitted vpc, string region, bool isDefault, SubnetInfo lastAssociated, int[] denyPorts)
    {
        var id = emit.NewAwsId("acl");
        var acl = new Emitted(emit.Node(SyntheticLabels.NetworkAcl, new Props
        {
            { "id", id },
            { "network_acl_id", id },
            { "is_default", isDefault },
            { "vpc_id", vpc.Id },
            { "owner_id", accountId },
            { "region", region },
        }), id);
        emit.Link(acl.Node, "MEMBER_OF_AWS_VPC", vpc.Node);
        emit.Link(acl.Node, "PART_OF_SUBNET", lastAssociated.Emitted.Node);

        for (var i = 0; i < denyPorts.Length; i++)
        {
            AclRule(acl, egress: false, 90 + i, "deny", "6", denyPorts[i]);
        }

        foreach (var egress in (bool[])[false, true])
        {
            AclRule(acl, egress, 100, "allow", "-1", null);
            AclRule(acl, egress, 32767, "deny", "-1", null);
        }
    }

    private void AclRule(Emitted acl, bool egress, int number, string action, string protocol, int? port)
    {
        var rule = emit.Node(egress ? SyntheticLabels.NetworkAclEgressRule : SyntheticLabels.NetworkAclInboundRule, new Props
        {
            { "id", $"{acl.Id}/{(egress ? "egress" : "inbound")}/{number}" },
            { "rulenumber", (long)number },
            { "ruleaction", action },
            { "egress", egress },
            { "protocol", protocol },
            { "cidrblock", SecurityGroupTemplates.World },
            { "fromport", (long?)port },
            { "toport", (long?)port },
        }, resource: false);
        emit.Link(rule, "MEMBER_OF_NACL", acl.Node);
    }

    private Emitted SecurityGroup(Emitted vpc, string region, GroupTemplate template, Dictionary<string, Emitted> created)
    {
        var id = emit.NewAwsId("sg");
        var group = new Emitted(emit.Node(SyntheticLabels.SecurityGroup, new Props
        {
            { "id", id },
            { "groupid", id },
            { "name", template.Name },
            { "description", template.Description },
            { "region", region },
        }), id);
        emit.Link(vpc.Node, "MEMBER_OF_EC2_SECURITY_GROUP", group.Node);
        foreach (var rule in template.Inbound)
        {
            var source = rule.SourceGroup is null ? (Emitted?)null : rule.SourceGroup == template.Name ? group : created[rule.SourceGroup];
            Rule(group, SyntheticLabels.InboundRule, "IpPermissions", rule, source);
        }

        Rule(group, SyntheticLabels.EgressRule, "IpPermissionsEgress", new RuleTemplate("-1", null, null, [SecurityGroupTemplates.World]), null);
        return group;
    }

    private void Rule(Emitted group, string[] labels, string kind, RuleTemplate template, Emitted? sourceGroup)
    {
        var ports = template.FromPort is null ? "NoneNone" : $"{template.FromPort}{template.ToPort}";
        var ruleId = $"{group.Id}/{kind}/{ports}{template.Protocol}";
        var rule = emit.Node(labels, new Props
        {
            { "id", ruleId },
            { "ruleid", ruleId },
            { "groupid", group.Id },
            { "protocol", template.Protocol },
            { "fromport", (long?)template.FromPort },
            { "toport", (long?)template.ToPort },
        }, resource: false);
        emit.Link(rule, "MEMBER_OF_EC2_SECURITY_GROUP", group.Node);
        foreach (var cidr in template.Cidrs)
        {
            var range = emit.SharedNode("range:" + cidr, SyntheticLabels.IpRange, () => new Props { { "id", cidr }, { "range", cidr } });
            emit.Link(range, "MEMBER_OF_IP_RULE", rule);
        }

        if (sourceGroup is { } source)
        {
            // Quirk 5: the source group appears only as a port-less group-to-group edge.
            emit.Link(group.Node, "ALLOWS_TRAFFIC_FROM", source.Node);
        }
    }

    private (Emitted Balancer, Emitted TargetGroup) LoadBalancerV2(
        string region, string name, string type, Emitted? securityGroup, SubnetInfo[] subnets, (int Port, string Protocol)[] listeners, int targetPort)
    {
        var suffix = emit.NewAwsId("lb")[5..];
        var arn = $"arn:aws:elasticloadbalancing:{region}:{accountId}:loadbalancer/{(type == "network" ? "net" : "app")}/{name}/{suffix}";
        var dns = $"{name}-{suffix[..8]}.elb.{region}.amazonaws.com";
        var balancer = new Emitted(emit.Node(SyntheticLabels.LoadBalancerV2, new Props
        {
            { "id", dns },
            { "arn", arn },
            { "name", name },
            { "dnsname", dns },
            { "scheme", "internet-facing" },
            { "type", type },
            // Cartography's analysis result: internet-facing NLB with a listener, or ALB whose group opens a listener port to 0.0.0.0/0.
            { "exposed_internet", true },
            { "region", region },
        }), dns);
        if (securityGroup is { } group)
        {
            emit.Link(balancer.Node, "MEMBER_OF_EC2_SECURITY_GROUP", group.Node);
        }

        foreach (var subnet in subnets)
        {
            emit.Link(balancer.Node, "SUBNET", subnet.Emitted.Node);
            emit.Link(balancer.Node, "PART_OF_SUBNET", subnet.Emitted.Node);
        }

        foreach (var (port, protocol) in listeners)
        {
            var listenerArn = $"{arn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal)}/{port}";
            var listener = emit.Node(SyntheticLabels.Elbv2Listener, new Props
            {
                { "id", listenerArn },
                { "arn", listenerArn },
                { "port", (long)port },
                { "protocol", protocol },
                { "ssl_policy", protocol is "HTTPS" or "TLS" ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null },
                // Quirk 3: Cartography reads the target group from a field the API never fills.
                { "targetgrouparn", string.Empty },
            }, resource: false);
            emit.Link(balancer.Node, "ELBV2_LISTENER", listener);
        }

        var targetGroupArn = $"arn:aws:elasticloadbalancing:{region}:{accountId}:targetgroup/{name}-tg/{suffix}";
        var targetGroup = new Emitted(emit.Node(SyntheticLabels.TargetGroup, new Props
        {
            { "id", targetGroupArn },
            { "arn", targetGroupArn },
            { "name", name + "-tg" },
            { "port", (long)targetPort },
            { "protocol", type == "network" ? "TCP" : "HTTP" },
            { "target_type", "instance" },
            { "region", region },
        }), targetGroupArn);
        emit.Link(balancer.Node, "ELBV2_TARGET_GROUP", targetGroup.Node);
        return (balancer, targetGroup);
    }

    private Emitted ClassicElb(string region, string name, bool internetFacing, Emitted securityGroup, SubnetInfo[] subnets)
    {
        var dns = $"{(internetFacing ? string.Empty : "internal-")}{name}-{emit.NewAwsId("elb")[6..14]}.{region}.elb.amazonaws.com".ToUpperInvariant();
        var balancer = new Emitted(emit.Node(SyntheticLabels.LoadBalancer, new Props
        {
            { "id", dns },
            { "name", name },
            { "dnsname", dns.ToLowerInvariant() },
            { "scheme", internetFacing ? "internet-facing" : "internal" },
            { "exposed_internet", internetFacing ? true : null },
            { "region", region },
        }), dns);
        // Quirk 4: no subnet edge for classic ELBs. Quirk 6: the source group is linked by name.
        emit.Link(balancer.Node, "MEMBER_OF_EC2_SECURITY_GROUP", securityGroup.Node);
        emit.Link(balancer.Node, "SOURCE_SECURITY_GROUP", securityGroup.Node);
        var listener = emit.Node(SyntheticLabels.ElbListener, new Props
        {
            { "id", $"{dns}80HTTP" },
            { "port", 80L },
            { "protocol", "HTTP" },
            { "instance_port", 80L },
            { "instance_protocol", "HTTP" },
        }, resource: false);
        emit.Link(balancer.Node, "ELB_LISTENER", listener);
        // One requester-managed interface per subnet, described "ELB <name>"; Cartography does not link it to the balancer.
        foreach (var subnet in subnets)
        {
            var eniId = emit.DerivedAwsId("eni", $"{name}/{subnet.Emitted.Id}");
            var eni = emit.Node(SyntheticLabels.NetworkInterface, new Props
            {
                { "id", eniId },
                { "description", $"ELB {name}" },
                { "interface_type", "interface" },
                { "requester_managed", true },
                { "subnetid", subnet.Emitted.Id },
                { "region", region },
            });
            emit.Link(eni, "PART_OF_SUBNET", subnet.Emitted.Node);
            emit.Link(eni, "MEMBER_OF_EC2_SECURITY_GROUP", securityGroup.Node);
        }

        return balancer;
    }

    private Emitted DbSubnetGroup(string region, string name, SubnetInfo[] subnets)
    {
        var arn = $"arn:aws:rds:{region}:{accountId}:subgrp:{name}";
        var group = new Emitted(emit.Node(SyntheticLabels.DbSubnetGroup, new Props { { "id", arn }, { "arn", arn }, { "name", name }, { "region", region } }), arn);
        foreach (var subnet in subnets)
        {
            emit.Link(group.Node, "RESOURCE", subnet.Emitted.Node);
        }

        return group;
    }

    private Emitted EcsCluster(string region, string name)
    {
        var arn = $"arn:aws:ecs:{region}:{accountId}:cluster/{name}";
        return new Emitted(emit.Node(SyntheticLabels.EcsCluster, new Props
        {
            { "id", arn },
            { "arn", arn },
            { "name", name },
            { "status", "ACTIVE" },
            { "region", region },
        }), arn);
    }

    private Emitted KmsKey(string region)
    {
        var keyId = emit.NewGuid();
        return new Emitted(emit.Node(SyntheticLabels.KmsKey, new Props
        {
            { "id", keyId },
            { "arn", $"arn:aws:kms:{region}:{accountId}:key/{keyId}" },
            { "enabled", true },
            { "key_state", "Enabled" },
            { "key_manager", "CUSTOMER" },
            { "key_usage", "ENCRYPT_DECRYPT" },
            { "origin", "AWS_KMS" },
            { "anonymous_access", false },
            { "region", region },
        }), keyId);
    }
}
