using CloudPI.Graph;

namespace CloudPI.PlannedExposure.Tests;

/// <summary>
/// A small live account in Cartography's shapes: one VPC with an internet gateway, a public subnet (default route to
/// the gateway) and a private one (default route to a NAT gateway), the default NACL allowing everything, and
/// instances: i-web (public address, a group with no inbound rule), i-ssh (public, SSH open), i-db (private subnet
/// but a public address, SSH open) and i-app (private, tcp/8080 from the VPC); and the PostgreSQL instance
/// <c>orders</c> in a DB subnet group of the public subnet, behind a group open on tcp/5432, not publicly accessible;
/// the Aurora cluster <c>ledger</c> with one private member in the same subnet group and group;
/// the Lambda function <c>thumbnails</c>, whose resource policy lets only S3 invoke it; and three buckets: <c>assets</c>
/// (no policy, no public access block), <c>reports</c> (a public policy, neutralised by its public access block) and
/// <c>downloads</c> (a public policy, no block: public now). Two web hosts reachable on tcp/443: i-shop (IMDSv2
/// required, instance profile shop-profile whose role is shop-role) and i-blog (IMDSv1 accepted, no profile); i-build in
/// the public subnet with SSH open but no public address.
/// </summary>
internal static class LiveAccount
{
    public const string OrdersDatabase = "arn:aws:rds:eu-west-1:111122223333:db:orders";
    public const string ThumbnailsFunction = "arn:aws:lambda:eu-west-1:111122223333:function:thumbnails";
    public const string ShopProfile = "arn:aws:iam::111122223333:instance-profile/shop-profile";
    public const string OrdersSubnetGroup = "arn:aws:rds:eu-west-1:111122223333:subgrp:db-public";

    public static PropertyGraph Build()
    {
        var graph = new Builder();
        var vpc = graph.Node(["AWSVpc", "VirtualNetwork"], ("id", "vpc-1"), ("primary_cidr_block", "10.0.0.0/16"));
        var igw = graph.Node(["AWSInternetGateway"], ("id", "igw-1"));
        graph.Rel("ATTACHED_TO", igw, vpc);
        var publicSubnet = Subnet(graph, vpc, "subnet-public", "10.0.0.0/24", mapPublic: true);
        var privateSubnet = Subnet(graph, vpc, "subnet-private", "10.0.1.0/24", mapPublic: false);
        RouteTable(graph, vpc, "rtb-public", publicSubnet, ("gateway_id", "igw-1"), igw);
        RouteTable(graph, vpc, "rtb-private", privateSubnet, ("nat_gateway_id", "nat-1"), null);

        var acl = graph.Node(["AWSEC2NetworkAcl", "EC2NetworkAcl"], ("id", "acl-default"), ("is_default", true), ("vpc_id", "vpc-1"));
        graph.Rel("MEMBER_OF_AWS_VPC", acl, vpc);
        graph.Rel("PART_OF_SUBNET", acl, publicSubnet);
        graph.Rel("PART_OF_SUBNET", acl, privateSubnet);
        foreach (var (egress, number, action) in new[] { (false, 100L, "allow"), (false, 32767L, "deny"), (true, 100L, "allow"), (true, 32767L, "deny") })
        {
            var rule = graph.Node(["AWSEC2NetworkAclRule", "EC2NetworkAclRule", egress ? "IpPermissionEgress" : "IpPermissionInbound"],
                ("id", $"acl-default/{(egress ? "egress" : "inbound")}/{number}"), ("rulenumber", number), ("ruleaction", action), ("egress", egress),
                ("protocol", "-1"), ("cidrblock", "0.0.0.0/0"));
            graph.Rel("MEMBER_OF_NACL", rule, acl);
        }

        var closed = Group(graph, vpc, "sg-closed");
        var ssh = Group(graph, vpc, "sg-ssh", ("tcp", 22, 22, "0.0.0.0/0"));
        var web = Group(graph, vpc, "sg-web", ("tcp", 443, 443, "0.0.0.0/0"));
        var app = Group(graph, vpc, "sg-app", ("tcp", 8080, 8080, "10.0.0.0/16"));
        Instance(graph, "i-web", publicSubnet, closed, "198.51.100.10");
        Instance(graph, "i-ssh", publicSubnet, ssh, "198.51.100.11");
        Instance(graph, "i-db", privateSubnet, ssh, "198.51.100.12");
        Instance(graph, "i-app", privateSubnet, app, null);

        var pg = Group(graph, vpc, "sg-pg", ("tcp", 5432, 5432, "0.0.0.0/0"));
        var subnetGroup = graph.Node(["AWSDBSubnetGroup", "DBSubnetGroup"], ("id", OrdersSubnetGroup), ("name", "db-public"), ("vpc_id", "vpc-1"));
        graph.Rel("RESOURCE", subnetGroup, publicSubnet);
        var orders = graph.Node(["AWSRDSInstance", "Database", "RDSInstance"], ("id", OrdersDatabase), ("arn", OrdersDatabase), ("db_instance_identifier", "orders"),
            ("dbi_resource_id", "db-ORDERS"), ("engine", "postgres"), ("endpoint_port", 5432L), ("publicly_accessible", false));
        graph.Rel("MEMBER_OF_DB_SUBNET_GROUP", orders, subnetGroup);
        graph.Rel("MEMBER_OF_EC2_SECURITY_GROUP", orders, pg);
        var ledger = graph.Node(["AWSRDSCluster", "RDSCluster"], ("id", "arn:aws:rds:eu-west-1:111122223333:cluster:ledger"), ("db_cluster_identifier", "ledger"));
        var member = graph.Node(["AWSRDSInstance", "Database", "RDSInstance"], ("id", "arn:aws:rds:eu-west-1:111122223333:db:ledger-1"), ("db_instance_identifier", "ledger-1"),
            ("engine", "aurora-postgresql"), ("endpoint_port", 5432L), ("publicly_accessible", false), ("db_cluster_identifier", "ledger"));
        graph.Rel("IS_CLUSTER_MEMBER_OF", member, ledger);
        graph.Rel("MEMBER_OF_DB_SUBNET_GROUP", member, subnetGroup);
        graph.Rel("MEMBER_OF_EC2_SECURITY_GROUP", member, pg);

        graph.Node(["AWSLambda", "Function"], ("id", ThumbnailsFunction), ("arn", ThumbnailsFunction), ("name", "thumbnails"), ("anonymous_access", false));

        graph.Node(["AWSS3Bucket", "S3Bucket"], ("id", "assets"), ("name", "assets"), ("anonymous_access", false));
        PublicBucket(graph, "reports", blocked: true);
        PublicBucket(graph, "downloads", blocked: false);

        var role = graph.Node(["AWSPrincipal", "AWSRole"], ("id", "arn:aws:iam::111122223333:role/shop-role"), ("arn", "arn:aws:iam::111122223333:role/shop-role"), ("name", "shop-role"));
        var profile = graph.Node(["AWSInstanceProfile"], ("id", ShopProfile), ("arn", ShopProfile), ("name", "shop-profile"));
        graph.Rel("ASSOCIATED_WITH", profile, role);
        var shop = Instance(graph, "i-shop", publicSubnet, web, "198.51.100.20", ("metadatahttptokens", "required"), ("iaminstanceprofile", ShopProfile));
        graph.Rel("INSTANCE_PROFILE", shop, profile);
        Instance(graph, "i-blog", publicSubnet, web, "198.51.100.21", ("metadatahttptokens", "optional"));
        Instance(graph, "i-build", publicSubnet, ssh, null);
        return graph.Build();
    }

    private static string Subnet(Builder graph, string vpc, string id, string cidr, bool mapPublic)
    {
        var subnet = graph.Node(["AWSEC2Subnet", "EC2Subnet", "Subnet"], ("id", id), ("subnetid", id), ("cidr_block", cidr), ("map_public_ip_on_launch", mapPublic), ("vpc_id", "vpc-1"));
        graph.Rel("MEMBER_OF_AWS_VPC", subnet, vpc);
        return subnet;
    }

    private static void RouteTable(Builder graph, string vpc, string id, string subnet, (string Key, string Value) target, string? igw)
    {
        var table = graph.Node(["AWSEC2RouteTable", "EC2RouteTable"], ("id", id), ("main", false));
        graph.Rel("MEMBER_OF_AWS_VPC", table, vpc);
        var local = graph.Node(["AWSEC2Route", "EC2Route"], ("id", $"{id}|10.0.0.0/16"), ("destination_cidr_block", "10.0.0.0/16"), ("gateway_id", "local"), ("state", "active"));
        var route = graph.Node(["AWSEC2Route", "EC2Route"], ("id", $"{id}|0.0.0.0/0"), ("destination_cidr_block", "0.0.0.0/0"), (target.Key, target.Value), ("state", "active"));
        graph.Rel("ROUTE", table, local);
        graph.Rel("ROUTE", table, route);
        if (igw is not null)
        {
            graph.Rel("ROUTES_TO_GATEWAY", route, igw);
        }

        var association = graph.Node(["AWSEC2RouteTableAssociation", "EC2RouteTableAssociation"], ("id", $"rtbassoc-{id}"), ("main", false), ("subnet_id", "x"));
        graph.Rel("ASSOCIATION", table, association);
        graph.Rel("ASSOCIATED_SUBNET", association, subnet);
    }

    private static string Group(Builder graph, string vpc, string id, params (string Protocol, long From, long To, string Cidr)[] rules)
    {
        var group = graph.Node(["AWSEC2SecurityGroup", "EC2SecurityGroup"], ("id", id), ("name", id));
        graph.Rel("MEMBER_OF_EC2_SECURITY_GROUP", vpc, group);
        foreach (var (protocol, from, to, cidr) in rules)
        {
            var rule = graph.Node(["AWSIpPermissionInbound", "AWSIpRule", "IpPermissionInbound", "IpRule"],
                ("id", $"{id}/IpPermissions/{from}{to}{protocol}"), ("protocol", protocol), ("fromport", from), ("toport", to));
            graph.Rel("MEMBER_OF_EC2_SECURITY_GROUP", rule, group);
            graph.Rel("MEMBER_OF_IP_RULE", graph.Range(cidr), rule);
        }

        var egress = graph.Node(["AWSIpRule", "IpRule"], ("id", $"{id}/IpPermissionsEgress/NoneNone-1"), ("protocol", "-1"));
        graph.Rel("MEMBER_OF_EC2_SECURITY_GROUP", egress, group);
        graph.Rel("MEMBER_OF_IP_RULE", graph.Range("0.0.0.0/0"), egress);
        return group;
    }

    private static void PublicBucket(Builder graph, string name, bool blocked)
    {
        var bucket = graph.Node(["AWSS3Bucket", "S3Bucket"], ("id", name), ("name", name), ("anonymous_access", true),
            ("block_public_acls", blocked), ("ignore_public_acls", blocked), ("block_public_policy", blocked), ("restrict_public_buckets", blocked));
        var statement = graph.Node(["AWSS3PolicyStatement", "S3PolicyStatement"], ("id", $"{name}/policy_statement/1/PublicRead"), ("bucket", name), ("sid", "PublicRead"),
            ("effect", "Allow"), ("action", "s3:GetObject"), ("principal", "\"*\""));
        graph.Rel("POLICY_STATEMENT", bucket, statement);
    }

    private static string Instance(Builder graph, string id, string subnet, string group, string? publicIp, params (string Key, object? Value)[] properties)
    {
        var instance = graph.Node(["AWSEC2Instance", "EC2Instance"], [("id", id), ("instanceid", id), ("state", "running"), ("publicipaddress", publicIp), .. properties]);
        graph.Rel("PART_OF_SUBNET", instance, subnet);
        graph.Rel("MEMBER_OF_EC2_SECURITY_GROUP", instance, group);
        return instance;
    }

    private sealed class Builder
    {
        private readonly PropertyGraphBuilder _builder = new();
        private readonly Dictionary<string, string> _ranges = new(StringComparer.Ordinal);
        private int _next;

        public string Node(string[] labels, params (string Key, object? Value)[] properties)
        {
            var key = (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _builder.AddNode(key, labels, properties.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
            return key;
        }

        public string Range(string cidr) =>
            _ranges.TryGetValue(cidr, out var key) ? key : _ranges[cidr] = Node(["AWSIpRange", "IpRange"], ("id", cidr), ("range", cidr));

        public void Rel(string type, string start, string end) => _builder.AddRelationship($"r{_next++}", type, start, end);

        public PropertyGraph Build() => _builder.Build();
    }
}
