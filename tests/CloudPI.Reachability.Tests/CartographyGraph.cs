using System.Globalization;
using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// A fluent builder of small Cartography-shaped graphs: both label generations on every node, Cartography's id
/// formats and relationship names, and its quirks (route tables without <c>vpc_id</c>, one shared node per CIDR).
/// </summary>
internal sealed class CartographyGraph
{
    private readonly PropertyGraphBuilder _builder = new();
    private int _relationships;

    public CartographyGraph Node(string id, string[] labels, params (string Key, object? Value)[] properties)
    {
        _builder.AddNode(id, labels, properties.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value)).Prepend(KeyValuePair.Create("id", (object?)id)));
        return this;
    }

    public CartographyGraph Edge(string from, string type, string to, params (string Key, object? Value)[] properties)
    {
        _builder.AddRelationship($"r{_relationships++}", type, from, to, properties.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        return this;
    }

    public CartographyGraph Vpc(string id = "vpc-1") => Node(id, ["AWSVpc"], ("vpcid", id), ("primary_cidr_block", "10.0.0.0/16"));

    public CartographyGraph Subnet(string id, string cidr, string vpc = "vpc-1", string? zone = null) =>
        Node(id, ["AWSEC2Subnet", "EC2Subnet"], ("subnetid", id), ("cidr_block", cidr), ("vpc_id", vpc), ("availability_zone", zone))
            .Edge(id, "MEMBER_OF_AWS_VPC", vpc);

    public CartographyGraph InternetGateway(string id = "igw-1", string vpc = "vpc-1") =>
        Node(id, ["AWSInternetGateway"]).Edge(id, "ATTACHED_TO", vpc);

    /// <summary>A route table; as in real graphs it has no <c>vpc_id</c> value, only the VPC edge.</summary>
    public CartographyGraph RouteTable(string id, bool main = false, string vpc = "vpc-1") =>
        Node(id, ["AWSEC2RouteTable", "EC2RouteTable"], ("route_table_id", id), ("main", main)).Edge(id, "MEMBER_OF_AWS_VPC", vpc);

    public CartographyGraph Associate(string table, string subnet)
    {
        var id = $"rtbassoc-{table}-{subnet}";
        return Node(id, ["AWSEC2RouteTableAssociation", "EC2RouteTableAssociation"], ("main", false), ("subnet_id", subnet))
            .Edge(table, "ASSOCIATION", id)
            .Edge(id, "ASSOCIATED_SUBNET", subnet);
    }

    public CartographyGraph Route(string table, string destination, string? gatewayId = null, string? natGatewayId = null, string state = "active")
    {
        var id = $"{table}|{destination}";
        Node(id, ["AWSEC2Route", "EC2Route"], ("destination_cidr_block", destination), ("gateway_id", gatewayId), ("nat_gateway_id", natGatewayId),
            ("state", state), ("target", destination)).Edge(table, "ROUTE", id);
        return gatewayId is not null && gatewayId.StartsWith("igw-", StringComparison.Ordinal) && _builder.ContainsNode(gatewayId)
            ? Edge(id, "ROUTES_TO_GATEWAY", gatewayId)
            : this;
    }

    /// <summary>An IPv6 route (<c>destination_ipv6_cidr_block</c>), to an internet gateway or an egress-only one.</summary>
    public CartographyGraph Ipv6Route(string table, string destination, string? gatewayId = null, string? egressOnlyGatewayId = null)
    {
        var id = $"{table}|{destination}";
        Node(id, ["AWSEC2Route", "EC2Route"], ("destination_ipv6_cidr_block", destination), ("gateway_id", gatewayId),
            ("egress_only_internet_gateway_id", egressOnlyGatewayId), ("state", "active"), ("target", destination)).Edge(table, "ROUTE", id);
        return gatewayId is not null && gatewayId.StartsWith("igw-", StringComparison.Ordinal) && _builder.ContainsNode(gatewayId)
            ? Edge(id, "ROUTES_TO_GATEWAY", gatewayId)
            : this;
    }

    /// <summary>A route to a Gateway Load Balancer / Network Firewall endpoint, as Cartography stores it (<c>gateway_id</c> and <c>vpc_endpoint_id</c>).</summary>
    public CartographyGraph EndpointRoute(string table, string destination, string endpoint)
    {
        var id = $"{table}|{destination}";
        return Node(id, ["AWSEC2Route", "EC2Route"], ("destination_cidr_block", destination), ("gateway_id", endpoint), ("vpc_endpoint_id", endpoint),
            ("state", "active"), ("target", destination)).Edge(table, "ROUTE", id);
    }

    /// <summary>An internet gateway's edge route table (ingress routing): the association names the gateway.</summary>
    public CartographyGraph EdgeAssociation(string table, string gateway)
    {
        var id = $"rtbassoc-{table}-{gateway}";
        return Node(id, ["AWSEC2RouteTableAssociation", "EC2RouteTableAssociation"], ("main", false), ("gateway_id", gateway), ("target", gateway))
            .Edge(table, "ASSOCIATION", id)
            .Edge(id, "ASSOCIATED_IGW_FOR_INGRESS", gateway);
    }

    public CartographyGraph Nacl(string id, bool isDefault, string vpc = "vpc-1", params string[] subnets)
    {
        Node(id, ["AWSEC2NetworkAcl", "EC2NetworkAcl"], ("is_default", isDefault), ("vpc_id", vpc)).Edge(id, "MEMBER_OF_AWS_VPC", vpc);
        foreach (var subnet in subnets)
        {
            Edge(id, "PART_OF_SUBNET", subnet);
        }

        // Every NACL ends with the catch-all deny rule 32767 in both directions.
        return NaclRule(id, 32767, egress: false, "deny").NaclRule(id, 32767, egress: true, "deny");
    }

    /// <summary>A NACL rule; inbound ones carry the conditional legacy <c>IpPermissionInbound</c> label, as Cartography writes it.</summary>
    public CartographyGraph NaclRule(string nacl, int number, bool egress, string action, string protocol = "-1", string? cidr = "0.0.0.0/0",
        int? fromPort = null, int? toPort = null, string? ipv6Cidr = null)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{nacl}/{(egress ? "egress" : "inbound")}/{number}");
        return Node(id, ["AWSEC2NetworkAclRule", "EC2NetworkAclRule", egress ? "IpPermissionEgress" : "IpPermissionInbound"],
                ("rulenumber", number), ("ruleaction", action), ("egress", egress), ("protocol", protocol), ("cidrblock", cidr),
                ("ipv6cidrblock", ipv6Cidr), ("fromport", fromPort), ("toport", toPort))
            .Edge(id, "MEMBER_OF_NACL", nacl);
    }

    public CartographyGraph SecurityGroup(string id, string vpc = "vpc-1") =>
        Node(id, ["AWSEC2SecurityGroup", "EC2SecurityGroup", "NetworkAccessControl"], ("groupid", id), ("name", id))
            .Edge(vpc, "MEMBER_OF_EC2_SECURITY_GROUP", id);

    /// <summary>An inbound rule with its shared <c>AWSIpRange</c> sources; no CIDR models an IPv6 or prefix-list source (not ingested).</summary>
    public CartographyGraph Inbound(string group, string protocol, int? fromPort, int? toPort, params string[] cidrs)
    {
        var id = $"{group}/IpPermissions/{Text(fromPort)}{Text(toPort)}{protocol}";
        Node(id, ["AWSIpPermissionInbound", "AWSIpRule", "IpPermissionInbound", "IpRule"],
                ("protocol", protocol), ("fromport", fromPort), ("toport", toPort), ("ruleid", id), ("groupid", group))
            .Edge(id, "MEMBER_OF_EC2_SECURITY_GROUP", group);
        foreach (var cidr in cidrs)
        {
            if (!_builder.ContainsNode(cidr))
            {
                Node(cidr, ["AWSIpRange", "IpRange"], ("range", cidr));
            }

            Edge(cidr, "MEMBER_OF_IP_RULE", id);
        }

        return this;
    }

    public CartographyGraph Instance(string id, string subnet, string? publicIp, string state = "running", params string[] groups)
    {
        Node(id, ["AWSEC2Instance", "EC2Instance", "ComputeInstance"], ("instanceid", id), ("publicipaddress", publicIp), ("state", state))
            .Edge(id, "PART_OF_SUBNET", subnet);
        return Members(id, groups);
    }

    public CartographyGraph NetworkInterface(string id, string subnet, string? publicIp, params string[] groups) =>
        Interface(id, subnet, publicIp, "10.0.1.50", groups);

    public CartographyGraph Interface(string id, string subnet, string? publicIp, string privateIp, params string[] groups)
    {
        Node(id, ["AWSNetworkInterface", "NetworkInterface"], ("public_ip", publicIp), ("private_ip_address", privateIp), ("interface_type", "interface"))
            .Edge(id, "PART_OF_SUBNET", subnet);
        return Members(id, groups);
    }

    /// <summary>An interface AWS manages for a service (a classic balancer's reads <c>ELB &lt;name&gt;</c>), not linked to its owner.</summary>
    public CartographyGraph RequesterManagedInterface(string id, string subnet, string description, params string[] groups)
    {
        Node(id, ["AWSNetworkInterface", "NetworkInterface"], ("description", description), ("interface_type", "interface"), ("requester_managed", true))
            .Edge(id, "PART_OF_SUBNET", subnet);
        return Members(id, groups);
    }

    /// <summary>An IPv6 address of an interface (<c>AWSEC2Ipv6Address</c>, id = the address).</summary>
    public CartographyGraph Ipv6Address(string eni, string address) =>
        Node(address, ["AWSEC2Ipv6Address", "EC2Ipv6Address", "Ip"], ("ipv6_address", address), ("network_interface_id", eni)).Edge(eni, "IPV6_ADDRESS", address);

    public CartographyGraph Members(string member, params string[] groups)
    {
        foreach (var group in groups)
        {
            Edge(member, "MEMBER_OF_EC2_SECURITY_GROUP", group);
        }

        return this;
    }

    public CartographyGraph BalancerV2(string id, string type, string scheme, int[] listenerPorts, string[] subnets, params string[] groups)
    {
        Node(id, ["AWSLoadBalancerV2", "LoadBalancerV2", "LoadBalancer"], ("name", id), ("dnsname", id), ("type", type), ("scheme", scheme));
        foreach (var port in listenerPorts)
        {
            var listener = string.Create(CultureInfo.InvariantCulture, $"arn:listener/{id}/{port}");
            Node(listener, ["AWSELBV2Listener", "ELBV2Listener", "Endpoint"], ("port", port), ("protocol", port == 443 ? "HTTPS" : "HTTP"), ("targetgrouparn", null))
                .Edge(id, "ELBV2_LISTENER", listener);
        }

        foreach (var subnet in subnets)
        {
            Edge(id, "SUBNET", subnet);
        }

        return Members(id, groups);
    }

    /// <summary>A classic ELB as real graphs hold it: no subnet edge.</summary>
    public CartographyGraph ClassicBalancer(string id, string scheme, int port, int instancePort, params string[] groups)
    {
        var listener = string.Create(CultureInfo.InvariantCulture, $"{id}{port}HTTP");
        Node(id, ["AWSLoadBalancer", "LoadBalancer"], ("name", id), ("dnsname", id), ("scheme", scheme))
            .Node(listener, ["AWSELBListener", "ELBListener", "Endpoint"], ("port", port), ("protocol", "HTTP"), ("instance_port", instancePort), ("instance_protocol", "HTTP"))
            .Edge(id, "ELB_LISTENER", listener);
        foreach (var group in groups)
        {
            Edge(id, "MEMBER_OF_EC2_SECURITY_GROUP", group).Edge(id, "SOURCE_SECURITY_GROUP", group);
        }

        return this;
    }

    public CartographyGraph Expose(string balancer, string target, int? port) =>
        port is null ? Edge(balancer, "EXPOSE", target) : Edge(balancer, "EXPOSE", target, ("port", port), ("protocol", "HTTP"));

    public CartographyGraph Rds(string id, bool publiclyAccessible, int port, string[] subnets, params string[] groups) =>
        RdsIn(id, zone: null, publiclyAccessible, port, subnets, groups);

    /// <summary>An RDS instance with its <c>availability_zone</c>, in a DB subnet group of <paramref name="subnets"/>.</summary>
    public CartographyGraph RdsIn(string id, string? zone, bool publiclyAccessible, int port, string[] subnets, params string[] groups)
    {
        var subnetGroup = $"{id}-subnets";
        Node(id, ["AWSRDSInstance", "RDSInstance", "Database"], ("publicly_accessible", publiclyAccessible), ("endpoint_port", port), ("engine", "postgres"),
                ("availability_zone", zone))
            .Node(subnetGroup, ["AWSDBSubnetGroup", "DBSubnetGroup"])
            .Edge(id, "MEMBER_OF_DB_SUBNET_GROUP", subnetGroup);
        foreach (var subnet in subnets)
        {
            Edge(subnetGroup, "RESOURCE", subnet);
        }

        return Members(id, groups);
    }

    // ---- Ready-made pieces --------------------------------------------------------------------------------------

    /// <summary>vpc-1 with subnet-1 (10.0.1.0/24) and igw-1 attached.</summary>
    public CartographyGraph Network() => Vpc().Subnet("subnet-1", "10.0.1.0/24").InternetGateway();

    /// <summary>rtb-1, explicitly associated with subnet-1: local, and 0.0.0.0/0 → igw-1.</summary>
    public CartographyGraph PublicRoutes(string subnet = "subnet-1") =>
        RouteTable("rtb-1").Associate("rtb-1", subnet).Route("rtb-1", "10.0.0.0/16", gatewayId: "local").Route("rtb-1", "0.0.0.0/0", gatewayId: "igw-1");

    /// <summary>acl-1, the VPC default, linked to <paramref name="subnets"/> and allowing everything both ways at rule 100.</summary>
    public CartographyGraph OpenNacl(params string[] subnets) =>
        Nacl("acl-1", isDefault: true, "vpc-1", subnets.Length == 0 ? ["subnet-1"] : subnets)
            .NaclRule("acl-1", 100, egress: false, "allow")
            .NaclRule("acl-1", 100, egress: true, "allow");

    public CartographyGraph PublicNetwork() => Network().PublicRoutes().OpenNacl();

    /// <summary>The baseline: i-1 with a public IP in the public subnet, sg-1 opening tcp/22 to 0.0.0.0/0.</summary>
    public static CartographyGraph Baseline() =>
        new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0").Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1");

    public Checked Check() => new(new CartographyView(_builder.Build()));

    private static string Text(int? port) => port?.ToString(CultureInfo.InvariantCulture) ?? "None";

    // ---- Public grants ---------------------------------------------------------------------------------------------

    /// <summary>A bucket owned by account 111122223333 in us-east-1, with Cartography's anonymous_access reading.</summary>
    public CartographyGraph Bucket(string name, bool? anonymousAccess = false, params (string Key, object? Value)[] settings)
    {
        if (!_builder.ContainsNode("111122223333"))
        {
            Node("111122223333", ["AWSAccount"], ("inscope", true));
        }

        return Node(name, ["AWSS3Bucket", "S3Bucket", "ObjectStorage"], [("name", name), ("region", "us-east-1"), ("anonymous_access", anonymousAccess), .. settings])
            .Edge("111122223333", "RESOURCE", name);
    }

    /// <summary>A bucket policy statement as Cartography keeps it: principal and condition as JSON text.</summary>
    public CartographyGraph BucketStatement(string bucket, int index, string principalJson, string? conditionJson = null, string effect = "Allow", string action = "s3:GetObject")
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{bucket}/policy_statement/{index}");
        return Node(id, ["AWSS3PolicyStatement", "S3PolicyStatement"], ("effect", effect), ("principal", principalJson), ("condition", conditionJson), ("action", action), ("bucket", bucket))
            .Edge(bucket, "POLICY_STATEMENT", id);
    }

    public CartographyGraph BucketAcl(string bucket, string group, string permission)
    {
        var id = $"acl-{bucket}-{group}-{permission}";
        return Node(id, ["AWSS3Acl", "S3Acl"], ("type", "Group"), ("uri", $"http://acs.amazonaws.com/groups/global/{group}"), ("permission", permission))
            .Edge(id, "APPLIES_TO", bucket);
    }

    public CartographyGraph AccountPublicAccessBlock(params (string Key, object? Value)[] settings) =>
        Node("111122223333:us-east-1", ["AWSS3AccountPublicAccessBlock", "S3AccountPublicAccessBlock"], [("region", "us-east-1"), .. settings])
            .Edge("111122223333", "RESOURCE", "111122223333:us-east-1");

    public CartographyGraph Function(string arn, bool? anonymousAccess) =>
        Node(arn, ["AWSLambda", "Function"], ("arn", arn), ("anonymous_access", anonymousAccess), ("anonymous_actions", anonymousAccess == true ? new[] { "lambda:InvokeFunctionUrl" } : null));

    /// <summary>A REST API whose resource <paramref name="path"/> integrates with <paramref name="functionArn"/> (the integration hangs off the resource).</summary>
    public CartographyGraph RestApi(string apiId, string endpointType, string path, string functionArn, string authorization)
    {
        var resource = $"{apiId}-res";
        var method = $"{apiId}/{resource}/GET";
        return Node(apiId, ["AWSAPIGatewayRestAPI", "APIGatewayRestAPI"], ("endpoint_type", endpointType), ("exposed_internet", endpointType != "PRIVATE"))
            .Node(resource, ["AWSAPIGatewayResource", "APIGatewayResource"], ("path", path))
            .Node(method, ["AWSAPIGatewayMethod", "APIGatewayMethod"], ("httpmethod", "GET"), ("authorization_type", authorization), ("api_key_required", false))
            .Node(method + "#integration", ["AWSAPIGatewayIntegration", "APIGatewayIntegration"], ("type", "AWS_PROXY"),
                ("uri", $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{functionArn}/invocations"))
            .Edge(apiId, "RESOURCE", resource).Edge(resource, "HAS_METHOD", method).Edge(resource, "HAS_INTEGRATION", method + "#integration");
    }

    // ---- Configuration objects ----------------------------------------------------------------------------------

    /// <summary>An EBS volume <c>ATTACHED_TO</c> <paramref name="instances"/>.</summary>
    public CartographyGraph Volume(string id, params string[] instances)
    {
        Node(id, ["AWSEBSVolume", "EBSVolume", "BlockStorage"], ("volumeid", id), ("encrypted", false), ("state", instances.Length == 0 ? "available" : "in-use"));
        foreach (var instance in instances)
        {
            Edge(id, "ATTACHED_TO", instance);
        }

        return this;
    }

    public CartographyGraph TaskDefinition(string id, string networkMode = "awsvpc") =>
        Node(id, ["AWSECSTaskDefinition", "ECSTaskDefinition"], ("network_mode", networkMode), ("family", id));

    /// <summary>An awsvpc (Fargate) task on its own interface <paramref name="eni"/>, running <paramref name="taskDefinition"/>.</summary>
    public CartographyGraph FargateTask(string id, string taskDefinition, string eni, string lastStatus = "RUNNING") =>
        Node(id, ["AWSECSTask", "ECSTask"], ("launch_type", "FARGATE"), ("last_status", lastStatus), ("network_interface_id", eni))
            .Edge(id, "NETWORK_INTERFACE", eni)
            .Edge(id, "HAS_TASK_DEFINITION", taskDefinition);

    /// <summary>An ECS service (<c>-HAS_TASK-></c> each task, <c>-HAS_TASK_DEFINITION-></c> its definition when given).</summary>
    public CartographyGraph EcsService(string id, string? taskDefinition, params string[] tasks)
    {
        Node(id, ["AWSECSService", "ECSService"], ("name", id), ("launch_type", "FARGATE"));
        if (taskDefinition is not null)
        {
            Edge(id, "HAS_TASK_DEFINITION", taskDefinition);
        }

        foreach (var task in tasks)
        {
            Edge(id, "HAS_TASK", task);
        }

        return this;
    }

    /// <summary>An auto-scaling group; each of <paramref name="instances"/> is <c>MEMBER_AUTO_SCALE_GROUP</c> of it.</summary>
    public CartographyGraph AutoScalingGroup(string id, params string[] instances)
    {
        Node(id, ["AWSAutoScalingGroup", "AutoScalingGroup"], ("name", id));
        foreach (var instance in instances)
        {
            Edge(instance, "MEMBER_AUTO_SCALE_GROUP", id);
        }

        return this;
    }

    /// <summary>A launch template that <paramref name="groups"/> launch from (<c>group -HAS_LAUNCH_TEMPLATE-> template</c>).</summary>
    public CartographyGraph LaunchTemplate(string id, params string[] groups)
    {
        Node(id, ["AWSLaunchTemplate", "LaunchTemplate"], ("name", id));
        foreach (var group in groups)
        {
            Edge(group, "HAS_LAUNCH_TEMPLATE", id);
        }

        return this;
    }

    /// <summary>A launch configuration that <paramref name="groups"/> launch from (<c>group -HAS_LAUNCH_CONFIG-> configuration</c>).</summary>
    public CartographyGraph LaunchConfiguration(string id, params string[] groups)
    {
        Node(id, ["AWSLaunchConfiguration", "LaunchConfiguration"], ("name", id));
        foreach (var group in groups)
        {
            Edge(group, "HAS_LAUNCH_CONFIG", id);
        }

        return this;
    }

    /// <summary>An RDS/Aurora cluster; each of <paramref name="members"/> <c>IS_CLUSTER_MEMBER_OF</c> it.</summary>
    public CartographyGraph RdsCluster(string id, int port, params string[] members)
    {
        Node(id, ["AWSRDSCluster", "RDSCluster"], ("db_cluster_identifier", id), ("port", port), ("engine", "aurora-postgresql"));
        foreach (var member in members)
        {
            Edge(member, "IS_CLUSTER_MEMBER_OF", id);
        }

        return this;
    }
}

/// <summary>A built graph with an engine: asks questions by Cartography id.</summary>
internal sealed class Checked(CartographyView view)
{
    private readonly ReachabilityEngine _engine = new(view);

    public CartographyView View => view;

    public IReachabilityEngine Engine => _engine;

    public GraphNode Node(string id) => view.Graph.TryFindById(id, out var node) ? node : throw new KeyNotFoundException(id);

    public ReachabilityResult Reach(string id, NetworkExposure? traffic) => _engine.Evaluate(Node(id), traffic);

    public ReachabilityResult Ssh(string id) => Reach(id, NetworkExposure.Tcp(22));

    public CartographyFlagComparison Compare(string id, NetworkExposure? traffic) => CartographyFlagComparison.Of(Node(id), Reach(id, traffic));
}
