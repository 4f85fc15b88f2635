namespace CloudPI.Graph.Cartography;

public readonly record struct Account(GraphNode Node) : ICartographyNode<Account>
{
    public static CartographyKind Kind => CartographyKinds.Account;

    public static Account Wrap(GraphNode node) => new(node);

    public string? AccountId => Node.Id;

    public string? Name => Node.Properties.GetString("name");

    public bool InScope => Node.Properties.GetBool("inscope") == true;

    public bool Foreign => Node.Properties.GetBool("foreign") == true;

    /// <summary>Everything the account owns (<c>RESOURCE</c>).</summary>
    public IEnumerable<GraphNode> Resources => Node.Neighbors("RESOURCE", Direction.Outgoing);
}

public readonly record struct Vpc(GraphNode Node) : ICartographyNode<Vpc>
{
    public static CartographyKind Kind => CartographyKinds.Vpc;

    public static Vpc Wrap(GraphNode node) => new(node);

    public string? VpcId => Node.Id;

    public string? PrimaryCidrBlock => Node.Properties.GetString("primary_cidr_block");

    public bool IsDefault => Node.Properties.GetBool("is_default") == true;

    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("MEMBER_OF_AWS_VPC", Direction.Incoming);

    /// <summary>Route tables found through <c>MEMBER_OF_AWS_VPC</c> (their <c>vpc_id</c> is empty in real graphs).</summary>
    public RelatedNodes<RouteTable> RouteTables => Node.Related<RouteTable>("MEMBER_OF_AWS_VPC", Direction.Incoming);

    public RelatedNodes<NetworkAcl> NetworkAcls => Node.Related<NetworkAcl>("MEMBER_OF_AWS_VPC", Direction.Incoming);

    public RelatedNodes<InternetGateway> InternetGateways => Node.Related<InternetGateway>("ATTACHED_TO", Direction.Incoming);

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);
}

public readonly record struct Subnet(GraphNode Node) : ICartographyNode<Subnet>
{
    public static CartographyKind Kind => CartographyKinds.Subnet;

    public static Subnet Wrap(GraphNode node) => new(node);

    public string? SubnetId => Node.Id;

    public string? CidrBlock => Node.Properties.GetString("cidr_block");

    public bool MapPublicIpOnLaunch => Node.Properties.GetBool("map_public_ip_on_launch") == true;

    public string? VpcId => Node.Properties.GetString("vpc_id");

    public string? AvailabilityZone => Node.Properties.GetString("availability_zone");

    public RelatedNodes<Vpc> Vpcs => Node.Related<Vpc>("MEMBER_OF_AWS_VPC", Direction.Outgoing);

    /// <summary>Explicit route-table associations (<c>ASSOCIATED_SUBNET</c>); none means the VPC's main table applies.</summary>
    public RelatedNodes<RouteTableAssociation> RouteTableAssociations =>
        Node.Related<RouteTableAssociation>("ASSOCIATED_SUBNET", Direction.Incoming);

    /// <summary>NACLs linked to this subnet; often none in real graphs (the VPC default applies).</summary>
    public RelatedNodes<NetworkAcl> NetworkAcls => Node.Related<NetworkAcl>("PART_OF_SUBNET", Direction.Incoming);
}

public readonly record struct InternetGateway(GraphNode Node) : ICartographyNode<InternetGateway>
{
    public static CartographyKind Kind => CartographyKinds.InternetGateway;

    public static InternetGateway Wrap(GraphNode node) => new(node);

    public string? GatewayId => Node.Id;

    public RelatedNodes<Vpc> Vpcs => Node.Related<Vpc>("ATTACHED_TO", Direction.Outgoing);
}

public readonly record struct RouteTable(GraphNode Node) : ICartographyNode<RouteTable>
{
    public static CartographyKind Kind => CartographyKinds.RouteTable;

    public static RouteTable Wrap(GraphNode node) => new(node);

    public string? RouteTableId => Node.Id;

    /// <summary>The VPC's main table, used by subnets without an explicit association.</summary>
    public bool Main => Node.Properties.GetBool("main") == true;

    public RelatedNodes<Vpc> Vpcs => Node.Related<Vpc>("MEMBER_OF_AWS_VPC", Direction.Outgoing);

    public RelatedNodes<Route> Routes => Node.Related<Route>("ROUTE", Direction.Outgoing);

    public RelatedNodes<RouteTableAssociation> Associations => Node.Related<RouteTableAssociation>("ASSOCIATION", Direction.Outgoing);
}

public readonly record struct Route(GraphNode Node) : ICartographyNode<Route>
{
    public static CartographyKind Kind => CartographyKinds.Route;

    public static Route Wrap(GraphNode node) => new(node);

    public string? DestinationCidrBlock => Node.Properties.GetString("destination_cidr_block");

    public string? DestinationIpv6CidrBlock => Node.Properties.GetString("destination_ipv6_cidr_block");

    /// <summary>An egress-only internet gateway (<c>eigw-…</c>): IPv6 out, nothing in.</summary>
    public string? EgressOnlyInternetGatewayId => Node.Properties.GetString("egress_only_internet_gateway_id");

    /// <summary>A Gateway Load Balancer or Network Firewall endpoint (<c>vpce-…</c>) that inspects the traffic.</summary>
    public string? VpcEndpointId => Node.Properties.GetString("vpc_endpoint_id");

    public string? InstanceId => Node.Properties.GetString("instance_id");

    public string? NetworkInterfaceId => Node.Properties.GetString("network_interface_id");

    /// <summary><c>igw-…</c>, <c>local</c>, <c>vpce-…</c>; use this rather than <c>target</c> (which holds the CIDR).</summary>
    public string? GatewayId => Node.Properties.GetString("gateway_id");

    public string? NatGatewayId => Node.Properties.GetString("nat_gateway_id");

    public string? TransitGatewayId => Node.Properties.GetString("transit_gateway_id");

    public string? VpcPeeringConnectionId => Node.Properties.GetString("vpc_peering_connection_id");

    public string? State => Node.Properties.GetString("state");

    public RelatedNodes<InternetGateway> InternetGateways => Node.Related<InternetGateway>("ROUTES_TO_GATEWAY", Direction.Outgoing);
}

public readonly record struct RouteTableAssociation(GraphNode Node) : ICartographyNode<RouteTableAssociation>
{
    public static CartographyKind Kind => CartographyKinds.RouteTableAssociation;

    public static RouteTableAssociation Wrap(GraphNode node) => new(node);

    public bool Main => Node.Properties.GetBool("main") == true;

    public string? SubnetId => Node.Properties.GetString("subnet_id");

    public RelatedNodes<RouteTable> RouteTables => Node.Related<RouteTable>("ASSOCIATION", Direction.Incoming);

    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("ASSOCIATED_SUBNET", Direction.Outgoing);
}

public readonly record struct NetworkAcl(GraphNode Node) : ICartographyNode<NetworkAcl>
{
    public static CartographyKind Kind => CartographyKinds.NetworkAcl;

    public static NetworkAcl Wrap(GraphNode node) => new(node);

    public string? NetworkAclId => Node.Id;

    public bool IsDefault => Node.Properties.GetBool("is_default") == true;

    public string? VpcId => Node.Properties.GetString("vpc_id");

    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("PART_OF_SUBNET", Direction.Outgoing);

    public RelatedNodes<NetworkAclRule> Rules => Node.Related<NetworkAclRule>("MEMBER_OF_NACL", Direction.Incoming);
}

public readonly record struct NetworkAclRule(GraphNode Node) : ICartographyNode<NetworkAclRule>
{
    public static CartographyKind Kind => CartographyKinds.NetworkAclRule;

    public static NetworkAclRule Wrap(GraphNode node) => new(node);

    public long? RuleNumber => Node.Properties.GetLong("rulenumber");

    public bool Allows => Node.Properties.GetString("ruleaction") == "allow";

    public bool Egress => Node.Properties.GetBool("egress") == true;

    /// <summary>As a string: <c>-1</c> (all), <c>6</c> (tcp), <c>17</c> (udp)…</summary>
    public string? Protocol => Node.Properties.GetString("protocol");

    public string? CidrBlock => Node.Properties.GetString("cidrblock");

    /// <summary>Set instead of <see cref="CidrBlock"/> on IPv6 rules.</summary>
    public string? Ipv6CidrBlock => Node.Properties.GetString("ipv6cidrblock");

    /// <summary>Null when the rule has no port range (all ports).</summary>
    public long? FromPort => Node.Properties.GetLong("fromport");

    public long? ToPort => Node.Properties.GetLong("toport");
}
