using CloudPI.Graph;
using CloudPI.Graph.Synthetic;
using CloudPI.Iac.Model;
using static CloudPI.PlannedExposure.PulumiTypes;

namespace CloudPI.PlannedExposure;

/// <summary>
/// Applies a Pulumi preview to a copy of the live Cartography graph, in Cartography's own shapes: removed resources
/// (and what they own: a group's rules, a table's routes) go, created ones are added with ids minted from their
/// Pulumi names (<c>sg-planned-web</c>), updated ones are rewritten. Unchanged resources are taken from the live
/// graph, unless it lacks them (a fresh stack). A value known only at deployment is filled in as
/// <see cref="UnknownResolution"/> says and recorded, so the caller can compare the widest and the narrowest plan
/// instead of guessing.
/// </summary>
public sealed partial class PulumiOverlay
{
    private const string PublicAddressAtLaunch = "203.0.113.254";

    private readonly IacStack _stack;
    private readonly UnknownResolution _resolution;
    private readonly EditableGraph _graph;
    private readonly bool _liveIsEmpty;
    private readonly Dictionary<string, IacResource> _changedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IacResource> _createdBy = new(StringComparer.Ordinal);
    private readonly List<UnknownValue> _unknowns = [];
    private readonly List<(string Balancer, string TargetGroup)> _forwards = [];

    private PulumiOverlay(IacStack stack, PropertyGraph live, UnknownResolution resolution)
    {
        _stack = stack;
        _resolution = resolution;
        _graph = EditableGraph.CopyOf(live);
        _liveIsEmpty = live.NodeCount == 0;
    }

    /// <summary>The address given to an instance that gets a public IP at launch: its value is never decisive, its existence is.</summary>
    public static string PlaceholderPublicAddress => PublicAddressAtLaunch;

    public static PlannedGraph Apply(IacStack stack, PropertyGraph live, UnknownResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(live);
        var overlay = new PulumiOverlay(stack, live, resolution);
        foreach (var removed in stack.Removed.Where(r => Understood.Contains(Normalise(r.Type))))
        {
            overlay.Remove(removed, Normalise(removed.Type));
        }

        foreach (var type in Understood)
        {
            foreach (var resource in stack.Resources.Where(r => Normalise(r.Type) == type && overlay.Applies(r)))
            {
                overlay.Add(resource, type);
            }
        }

        overlay.ExposeTargets();
        var notModelled = stack.Resources.Where(r => r.Operation != "same" && r.Type.StartsWith("aws:", StringComparison.Ordinal) && !Understood.Contains(Normalise(r.Type)))
            .Concat(stack.Removed.Where(r => r.Type.StartsWith("aws:", StringComparison.Ordinal) && !Understood.Contains(Normalise(r.Type))))
            .ToList();
        return new PlannedGraph(overlay._graph.Build(), overlay._createdBy, overlay._changedBy, overlay._unknowns, notModelled);
    }

    /// <summary>An unchanged resource is already in the live graph; only a fresh stack (or one the graph lacks) needs it drawn.</summary>
    private bool Applies(IacResource resource) =>
        resource.Operation != "same" || _liveIsEmpty || resource.Id is null || (!_graph.IdExists(resource.Id) && ExistingManagedService(resource) is null);

    private void Add(IacResource r, string type)
    {
        switch (type)
        {
            case Vpc:
                AddVpc(r);
                break;
            case Subnet:
                AddSubnet(r);
                break;
            case InternetGateway:
                var igw = Node(r, Id(r, "igw-"), SyntheticLabels.InternetGateway);
                if (Ref(r, "vpcId", Id(r, "igw-"), SyntheticLabels.Vpc) is { } igwVpc)
                {
                    _graph.Link("ATTACHED_TO", igw, igwVpc);
                }

                break;
            case SecurityGroup:
                AddSecurityGroup(r);
                break;
            case RouteTable:
                AddRouteTable(r);
                break;
            case NetworkAcl:
                AddNetworkAcl(r);
                break;
            case Instance:
                AddInstance(r);
                break;
            case LoadBalancer:
                AddLoadBalancer(r);
                break;
            case TargetGroup:
                Node(r, Arn(r), SyntheticLabels.TargetGroup, ("arn", Arn(r)), ("port", r.Property("port").Integer), ("protocol", r.Property("protocol").String),
                    ("target_type", r.Property("targetType").String ?? "instance"));
                break;
            case Listener:
                AddListener(r);
                break;
            case SecurityGroupRule:
                AddStandaloneRule(r, r.Property("type").String != "egress", "protocol", "fromPort", "toPort", ["cidrBlocks"], "sourceSecurityGroupId");
                break;
            case SecurityGroupIngressRule or SecurityGroupEgressRule:
                AddStandaloneRule(r, inbound: type == SecurityGroupIngressRule, "ipProtocol", "fromPort", "toPort", ["cidrIpv4"], "referencedSecurityGroupId");
                break;
            case Route:
                if (Ref(r, "routeTableId", r.Urn, SyntheticLabels.RouteTable) is { } table)
                {
                    AddRoute(r, table, r.Inputs, string.Empty);
                }

                break;
            case RouteTableAssociation:
                AddRouteTableAssociation(r);
                break;
            case NetworkAclRule:
                if (Ref(r, "networkAclId", r.Urn, SyntheticLabels.NetworkAcl) is { } acl)
                {
                    AddAclRule(r, acl, r.Inputs, r.Property("egress").Bool == true, string.Empty);
                }

                break;
            case NetworkAclAssociation:
                if (Ref(r, "networkAclId", r.Urn, SyntheticLabels.NetworkAcl) is { } associated && Ref(r, "subnetId", r.Urn, SyntheticLabels.Subnet) is { } subnet)
                {
                    AssociateAcl(associated, subnet, r);
                }

                break;
            case TargetGroupAttachment:
                // Linked once every listener is known: see ExposeTargets.
                break;
            default:
                AddManagedService(r, type);
                break;
        }
    }

    /// <summary>A new VPC comes with what AWS creates with it: a main route table (local route only) and a default NACL allowing all traffic.</summary>
    private void AddVpc(IacResource r)
    {
        var id = Id(r, "vpc-");
        var cidr = r.Property("cidrBlock").String;
        var vpc = Node(r, id, SyntheticLabels.Vpc, ("vpcid", id), ("primary_cidr_block", cidr), ("state", "available"));
        if (!r.IsCreated)
        {
            return;
        }

        var mainId = $"{id}-main-rtb";
        var main = Node(r, mainId, SyntheticLabels.RouteTable, ("route_table_id", mainId), ("main", true));
        _graph.Link("MEMBER_OF_AWS_VPC", main, vpc);
        var association = Node(r, $"{mainId}-association", SyntheticLabels.RouteTableAssociation, ("main", true), ("target", "main"), ("association_state", "associated"));
        _graph.Link("ASSOCIATION", main, association);
        if (cidr is not null)
        {
            _graph.Link("ROUTE", main, Node(r, $"{mainId}|{cidr}", SyntheticLabels.Route, ("destination_cidr_block", cidr), ("gateway_id", "local"), ("state", "active")));
        }

        var aclId = $"{id}-default-acl";
        var acl = Node(r, aclId, SyntheticLabels.NetworkAcl, ("network_acl_id", aclId), ("is_default", true), ("vpc_id", id));
        _graph.Link("MEMBER_OF_AWS_VPC", acl, vpc);
        foreach (var egress in new[] { false, true })
        {
            AddAclEntry(acl, aclId, egress, 100, "allow", "-1", "0.0.0.0/0", null, null);
            AddAclEntry(acl, aclId, egress, 32767, "deny", "-1", "0.0.0.0/0", null, null);
        }
    }

    private void AddSubnet(IacResource r)
    {
        var id = Id(r, "subnet-");
        var mapPublic = r.Property("mapPublicIpOnLaunch");
        var subnet = Node(r, id, SyntheticLabels.Subnet, ("subnetid", id), ("subnet_id", id), ("cidr_block", r.Property("cidrBlock").String),
            ("map_public_ip_on_launch", Decide(r, "mapPublicIpOnLaunch", id, mapPublic.Bool ?? (mapPublic.IsUnknown ? null : false))));
        if (Ref(r, "vpcId", id, SyntheticLabels.Vpc) is { } vpc)
        {
            _graph.Unlink("MEMBER_OF_AWS_VPC", subnet);
            _graph.Link("MEMBER_OF_AWS_VPC", subnet, vpc);
            _graph.Upsert(id, SyntheticLabels.Subnet, [new("vpc_id", _graph.IdOf(vpc))]);
        }
    }

    private void AddSecurityGroup(IacResource r)
    {
        var id = Id(r, "sg-");
        var group = Node(r, id, SyntheticLabels.SecurityGroup, ("groupid", id), ("name", r.Property("name").String ?? r.Name), ("description", r.Property("description").String));
        if (Ref(r, "vpcId", id, SyntheticLabels.Vpc) is { } vpc)
        {
            _graph.Link("MEMBER_OF_EC2_SECURITY_GROUP", vpc, group);
        }

        // Inline rules, when given, are the group's whole rule set; without them the rules are managed elsewhere.
        foreach (var (property, inbound) in new[] { ("ingress", true), ("egress", false) })
        {
            var rules = r.Inputs[property];
            if (rules.IsMissing)
            {
                continue;
            }

            foreach (var rule in _graph.Into("MEMBER_OF_EC2_SECURITY_GROUP", group).Where(k => _graph.HasLabel(k, "AWSIpRule") && _graph.HasLabel(k, "AWSIpPermissionInbound") == inbound))
            {
                _graph.Remove(rule);
            }

            var index = 0;
            foreach (var rule in rules.Items())
            {
                var path = $"{property}[{index++}]";
                if (rule.IsUnknown)
                {
                    Unknown(r, path, id);
                    if (_resolution == UnknownResolution.Widest)
                    {
                        AddRule(group, id, inbound, "-1", null, null, ["0.0.0.0/0"], []);
                    }

                    continue;
                }

                AddInlineRule(r, group, id, inbound, rule, path);
            }
        }
    }

    private void AddInlineRule(IacResource r, string group, string groupId, bool inbound, IacValue rule, string path)
    {
        var (protocol, from, to) = Ports(r, rule, "protocol", "fromPort", "toPort", path, groupId);
        if (protocol is null)
        {
            return;
        }

        var (cidrs, decided) = Cidrs(r, rule, ["cidrBlocks"], path, groupId);
        var sources = rule["securityGroups"].Items().Select(v => v.String).OfType<string>().Select(s => SecurityGroupKey(s)).OfType<string>().ToList();
        if (rule["self"].Bool == true)
        {
            sources.Add(group);
        }

        if (cidrs.Count == 0 && sources.Count == 0 && !decided)
        {
            return;
        }

        AddRule(group, groupId, inbound, protocol, from, to, cidrs, sources);
    }

    private void AddStandaloneRule(IacResource r, bool inbound, string protocolProperty, string fromProperty, string toProperty, string[] cidrProperties, string sourceProperty)
    {
        if (Ref(r, "securityGroupId", r.Urn, SyntheticLabels.SecurityGroup) is not { } group)
        {
            return;
        }

        var groupId = _graph.IdOf(group);
        Changed(groupId, r);
        var (protocol, from, to) = Ports(r, r.Inputs, protocolProperty, fromProperty, toProperty, string.Empty, groupId);
        if (protocol is null)
        {
            return;
        }

        var (cidrs, decided) = Cidrs(r, r.Inputs, cidrProperties, string.Empty, groupId);
        var source = r.Property(sourceProperty).IsMissing ? null : Ref(r, sourceProperty, groupId, SyntheticLabels.SecurityGroup);
        List<string> sources = source is null ? [] : [source];
        if (r.Property("self").Bool == true)
        {
            sources.Add(group);
        }

        if (cidrs.Count == 0 && sources.Count == 0 && !decided)
        {
            return;
        }

        AddRule(group, groupId, inbound, protocol, from, to, cidrs, sources);
    }

    private void AddRule(string group, string groupId, bool inbound, string protocol, long? from, long? to, IReadOnlyList<string> cidrs, IReadOnlyList<string> sources)
    {
        var allTraffic = protocol == "-1";
        var ruleId = CartographyShapes.RuleId(groupId, inbound, allTraffic ? null : from, allTraffic ? null : to, protocol);
        var rule = _graph.Upsert(ruleId, inbound ? SyntheticLabels.InboundRule : SyntheticLabels.EgressRule,
        [
            new("ruleid", ruleId), new("groupid", groupId), new("protocol", protocol),
            new("fromport", allTraffic ? null : from), new("toport", allTraffic ? null : to),
        ]);
        _graph.Link("MEMBER_OF_EC2_SECURITY_GROUP", rule, group);
        foreach (var cidr in cidrs)
        {
            _graph.Link("MEMBER_OF_IP_RULE", _graph.Upsert(cidr, SyntheticLabels.IpRange, [new("range", cidr)]), rule);
        }

        foreach (var source in sources)
        {
            _graph.Link("ALLOWS_TRAFFIC_FROM", group, source);
        }
    }

    /// <summary>A rule's protocol and ports; null protocol when an unknown leaves no rule in the narrowest plan.</summary>
    private (string? Protocol, long? From, long? To) Ports(IacResource r, IacValue rule, string protocolProperty, string fromProperty, string toProperty, string path, string nodeId)
    {
        var protocol = rule[protocolProperty];
        var from = rule[fromProperty];
        var to = rule[toProperty];
        var unknown = new[] { (protocolProperty, protocol), (fromProperty, from), (toProperty, to) }.Where(p => p.Item2.IsUnknown).ToList();
        foreach (var (property, _) in unknown)
        {
            Unknown(r, Join(path, property), nodeId);
        }

        if (unknown.Count > 0)
        {
            return _resolution == UnknownResolution.Widest ? ("-1", null, null) : (null, null, null);
        }

        return (CartographyShapes.GroupProtocol(protocol.String ?? "-1"), from.Integer, to.Integer);
    }

    /// <summary>The IPv4 sources of a rule; <c>decided</c> is false when an unknown source was left out (narrowest plan).</summary>
    private (List<string> Cidrs, bool Decided) Cidrs(IacResource r, IacValue rule, string[] properties, string path, string nodeId)
    {
        var cidrs = new List<string>();
        var decided = true;
        foreach (var property in properties)
        {
            foreach (var value in rule[property].Items())
            {
                if (value.IsUnknown)
                {
                    Unknown(r, Join(path, property), nodeId);
                    decided = false;
                    if (_resolution == UnknownResolution.Widest)
                    {
                        cidrs.Add("0.0.0.0/0");
                    }
                }
                else if (value.String is { } cidr)
                {
                    cidrs.Add(cidr);
                }
            }
        }

        return (cidrs, decided || cidrs.Count > 0);
    }

    private void AddRouteTable(IacResource r)
    {
        var id = Id(r, "rtb-");
        var table = Node(r, id, SyntheticLabels.RouteTable, ("route_table_id", id), ("main", false));
        if (Ref(r, "vpcId", id, SyntheticLabels.Vpc) is { } vpc)
        {
            _graph.Link("MEMBER_OF_AWS_VPC", table, vpc);
        }

        var routes = r.Inputs["routes"];
        if (routes.IsMissing)
        {
            return;
        }

        foreach (var route in _graph.OutOf("ROUTE", table).Where(k => !Equals(_graph.Property(k, "gateway_id"), "local")))
        {
            _graph.Remove(route);
        }

        var index = 0;
        foreach (var route in routes.Items())
        {
            AddRoute(r, table, route, $"routes[{index++}]");
        }
    }

    private void AddRoute(IacResource r, string table, IacValue route, string path)
    {
        var tableId = _graph.IdOf(table);
        Changed(tableId, r);
        var destination = route["cidrBlock"].IsMissing ? route["destinationCidrBlock"] : route["cidrBlock"];
        var destinationProperty = Join(path, route["cidrBlock"].IsMissing ? "destinationCidrBlock" : "cidrBlock");
        if (destination.IsUnknown)
        {
            Unknown(r, destinationProperty, tableId);
        }

        var cidr = destination.String ?? (destination.IsUnknown && _resolution == UnknownResolution.Widest ? "0.0.0.0/0" : null);
        if (cidr is null)
        {
            return;
        }

        var gateway = route["gatewayId"];
        var gatewayId = gateway.IsUnknown ? GatewayOf(r, path, tableId) : gateway.String;

        var routeId = $"{tableId}|{cidr}";
        var node = _graph.Upsert(routeId, SyntheticLabels.Route,
        [
            new("route_id", routeId), new("destination_cidr_block", cidr), new("target", cidr), new("state", "active"), new("origin", "CreateRoute"),
            new("gateway_id", gatewayId), new("nat_gateway_id", route["natGatewayId"].String), new("transit_gateway_id", route["transitGatewayId"].String),
            new("vpc_peering_connection_id", route["vpcPeeringConnectionId"].String), new("network_interface_id", route["networkInterfaceId"].String),
            new("vpc_endpoint_id", route["vpcEndpointId"].String),
        ]);
        _graph.Link("ROUTE", table, node);
        _graph.Unlink("ROUTES_TO_GATEWAY", node);
        if (gatewayId is not null && _graph.Find(gatewayId, SyntheticLabels.InternetGateway[0]) is { } igwNode)
        {
            _graph.Link("ROUTES_TO_GATEWAY", node, igwNode);
        }
    }

    /// <summary>
    /// A route's gateway computed at deployment: the gateway its dependencies name (a table's inline routes record
    /// theirs under <c>routes</c>, so only a single gateway there is decisive).
    /// </summary>
    private string? GatewayOf(IacResource r, string path, string tableId)
    {
        if (path.Length == 0)
        {
            return Ref(r, "gatewayId", tableId, SyntheticLabels.InternetGateway) is { } igw ? _graph.IdOf(igw) : null;
        }

        var gateways = (r.PropertyDependencies.GetValueOrDefault("routes") ?? []).Select(_stack.Find).OfType<IacResource>()
            .Where(d => Normalise(d.Type) == InternetGateway).ToList();
        if (gateways.Count == 1)
        {
            return IdOfTarget(gateways[0]);
        }

        Unknown(r, Join(path, "gatewayId"), tableId);
        return null;
    }

    private void AddRouteTableAssociation(IacResource r)
    {
        if (Ref(r, "routeTableId", r.Urn, SyntheticLabels.RouteTable) is not { } table || Ref(r, "subnetId", r.Urn, SyntheticLabels.Subnet) is not { } subnet)
        {
            return;
        }

        var subnetId = _graph.IdOf(subnet);
        Changed(_graph.IdOf(table), r);
        Changed(subnetId, r);

        // A subnet has one explicit association: the new one replaces whatever was there.
        foreach (var old in _graph.Into("ASSOCIATED_SUBNET", subnet).Where(a => !Equals(_graph.Property(a, "main"), true)))
        {
            _graph.Remove(old);
        }

        var id = Id(r, "rtbassoc-");
        var association = _graph.Upsert(id, SyntheticLabels.RouteTableAssociation,
            [new("route_table_association_id", id), new("main", false), new("subnet_id", subnetId), new("target", subnetId), new("association_state", "associated")]);
        _graph.Link("ASSOCIATION", table, association);
        _graph.Link("ASSOCIATED_SUBNET", association, subnet);
    }

    private void AddNetworkAcl(IacResource r)
    {
        var id = Id(r, "acl-");
        var acl = Node(r, id, SyntheticLabels.NetworkAcl, ("network_acl_id", id), ("is_default", false));
        if (Ref(r, "vpcId", id, SyntheticLabels.Vpc) is { } vpc)
        {
            _graph.Link("MEMBER_OF_AWS_VPC", acl, vpc);
            _graph.Upsert(id, SyntheticLabels.NetworkAcl, [new("vpc_id", _graph.IdOf(vpc))]);
        }

        foreach (var (property, egress) in new[] { ("ingress", false), ("egress", true) })
        {
            var entries = r.Inputs[property];
            if (entries.IsMissing && !r.IsCreated)
            {
                continue;
            }

            foreach (var old in _graph.Into("MEMBER_OF_NACL", acl).Where(k => Equals(_graph.Property(k, "egress"), egress)))
            {
                _graph.Remove(old);
            }

            var index = 0;
            foreach (var entry in entries.Items())
            {
                AddAclRule(r, acl, entry, egress, $"{property}[{index++}]");
            }

            // AWS ends every NACL with the rule that denies what no other rule allows.
            AddAclEntry(acl, id, egress, 32767, "deny", "-1", "0.0.0.0/0", null, null);
        }

        if (!r.Inputs["subnetIds"].IsMissing)
        {
            foreach (var subnet in Refs(r, "subnetIds", id, SyntheticLabels.Subnet))
            {
                AssociateAcl(acl, subnet, r);
            }
        }
    }

    private void AddAclRule(IacResource r, string acl, IacValue entry, bool egress, string path)
    {
        var aclId = _graph.IdOf(acl);
        Changed(aclId, r);
        var number = entry[path.Length == 0 ? "ruleNumber" : "ruleNo"];
        var action = entry[path.Length == 0 ? "ruleAction" : "action"];
        var cidr = entry["cidrBlock"];
        if (number.IsUnknown)
        {
            Unknown(r, Join(path, path.Length == 0 ? "ruleNumber" : "ruleNo"), aclId);
            return;
        }

        if (action.IsUnknown)
        {
            Unknown(r, Join(path, path.Length == 0 ? "ruleAction" : "action"), aclId);
        }

        var allow = action.IsUnknown ? _resolution == UnknownResolution.Widest : string.Equals(action.String, "allow", StringComparison.OrdinalIgnoreCase);
        if (cidr.IsUnknown)
        {
            Unknown(r, Join(path, "cidrBlock"), aclId);
        }

        // An unknown source is as open as it could be for the widest plan: everywhere for an allow, nowhere for a deny.
        var source = cidr.IsUnknown ? (allow == (_resolution == UnknownResolution.Widest) ? "0.0.0.0/0" : null) : cidr.String;
        if (source is null || number.Integer is not { } ruleNumber)
        {
            return;
        }

        var protocol = CartographyShapes.AclProtocol(entry["protocol"].String ?? "-1");
        AddAclEntry(acl, aclId, egress, ruleNumber, allow ? "allow" : "deny", protocol, source,
            protocol == "-1" ? null : entry["fromPort"].Integer, protocol == "-1" ? null : entry["toPort"].Integer);
    }

    private void AddAclEntry(string acl, string aclId, bool egress, long number, string action, string protocol, string cidr, long? from, long? to)
    {
        var id = CartographyShapes.AclRuleId(aclId, egress, number);
        var rule = _graph.Upsert(id, egress ? SyntheticLabels.NetworkAclEgressRule : SyntheticLabels.NetworkAclInboundRule,
        [
            new("rulenumber", number), new("ruleaction", action), new("egress", egress), new("protocol", protocol), new("cidrblock", cidr),
            new("fromport", from), new("toport", to),
        ]);
        _graph.Link("MEMBER_OF_NACL", rule, acl);
    }

    /// <summary>A subnet has exactly one NACL: associating one ends the subnet's other association.</summary>
    private void AssociateAcl(string acl, string subnet, IacResource r)
    {
        foreach (var other in _graph.Into("PART_OF_SUBNET", subnet).Where(k => _graph.HasLabel(k, SyntheticLabels.NetworkAcl[0])))
        {
            _graph.Unlink("PART_OF_SUBNET", other, subnet);
        }

        _graph.Link("PART_OF_SUBNET", acl, subnet);
        Changed(_graph.IdOf(acl), r);
        Changed(_graph.IdOf(subnet), r);
    }

    private void AddInstance(IacResource r)
    {
        var id = Id(r, "i-");
        var instance = Node(r, id, SyntheticLabels.Instance, ("instanceid", id), ("state", "running"));
        var subnet = Ref(r, "subnetId", id, SyntheticLabels.Subnet);
        if (subnet is not null)
        {
            _graph.Unlink("PART_OF_SUBNET", instance);
            _graph.Link("PART_OF_SUBNET", instance, subnet);
        }

        if (!r.Inputs["vpcSecurityGroupIds"].IsMissing)
        {
            var groups = Refs(r, "vpcSecurityGroupIds", id, SyntheticLabels.SecurityGroup);
            var interfaces = _graph.OutOf("NETWORK_INTERFACE", instance);
            foreach (var holder in interfaces.Prepend(instance))
            {
                _graph.Unlink("MEMBER_OF_EC2_SECURITY_GROUP", holder);
                foreach (var group in groups)
                {
                    _graph.Link("MEMBER_OF_EC2_SECURITY_GROUP", holder, group);
                }
            }
        }

        AddInstanceCredentials(r, instance, id);
        if (!r.IsCreated)
        {
            return; // a running instance keeps the address it has
        }

        // A new instance gets a public address when asked to, or when its subnet maps one on launch.
        var associate = r.Property("associatePublicIpAddress");
        bool? publicAddress = associate.IsUnknown ? null
            : associate.Bool ?? (subnet is null ? null : _graph.Property(subnet, "map_public_ip_on_launch") as bool? ?? false);
        if (publicAddress is null)
        {
            Unknown(r, associate.IsUnknown ? "associatePublicIpAddress" : "subnetId", id);
        }

        var hasAddress = publicAddress ?? _resolution == UnknownResolution.Widest;
        _graph.Upsert(id, SyntheticLabels.Instance, [new("publicipaddress", hasAddress ? PublicAddressAtLaunch : null)]);
    }

    private void AddLoadBalancer(IacResource r)
    {
        var name = r.Property("name").String ?? r.Name;
        var existing = r.IsCreated || r.Id is null ? null : _graph.Find(r.Id, SyntheticLabels.LoadBalancerV2[0]);
        var id = existing is null ? $"{name}-planned.elb.amazonaws.com" : _graph.IdOf(existing);
        var internalValue = r.Property("internal");
        if (internalValue.IsUnknown)
        {
            Unknown(r, "internal", id);
        }

        var internetFacing = internalValue.IsUnknown ? _resolution == UnknownResolution.Widest : internalValue.Bool != true;
        var balancer = Node(r, id, SyntheticLabels.LoadBalancerV2, ("arn", Arn(r)), ("name", name), ("dnsname", id),
            ("scheme", internetFacing ? "internet-facing" : "internal"), ("type", r.Property("loadBalancerType").String ?? "application"));
        if (!r.Inputs["securityGroups"].IsMissing)
        {
            _graph.Unlink("MEMBER_OF_EC2_SECURITY_GROUP", balancer);
            foreach (var group in Refs(r, "securityGroups", id, SyntheticLabels.SecurityGroup))
            {
                _graph.Link("MEMBER_OF_EC2_SECURITY_GROUP", balancer, group);
            }
        }

        if (!r.Inputs["subnets"].IsMissing)
        {
            _graph.Unlink("SUBNET", balancer);
            _graph.Unlink("PART_OF_SUBNET", balancer);
            foreach (var subnet in Refs(r, "subnets", id, SyntheticLabels.Subnet))
            {
                _graph.Link("SUBNET", balancer, subnet);
                _graph.Link("PART_OF_SUBNET", balancer, subnet);
            }
        }
    }

    private void AddListener(IacResource r)
    {
        if (Ref(r, "loadBalancerArn", r.Urn, SyntheticLabels.LoadBalancerV2) is not { } balancer)
        {
            return;
        }

        var arn = Arn(r);
        var forwardsTo = r.Inputs["defaultActions"].Items().Select((action, i) => (action, i))
            .Where(a => a.action["type"].String is "forward" or null)
            .Select(a => a.action["targetGroupArn"].IsUnknown
                ? TargetGroupOf(r, $"defaultActions[{a.i}].targetGroupArn")
                : a.action["targetGroupArn"].String is { } literal ? _graph.Find(literal, SyntheticLabels.TargetGroup[0]) : null)
            .OfType<string>()
            .ToList();
        var listener = Node(r, arn, SyntheticLabels.Elbv2Listener, ("arn", arn), ("port", r.Property("port").Integer), ("protocol", r.Property("protocol").String),
            ("targetgrouparn", forwardsTo.Select(_graph.IdOf).FirstOrDefault()));
        _graph.Link("ELBV2_LISTENER", balancer, listener);
        Changed(_graph.IdOf(balancer), r);
        _forwards.AddRange(forwardsTo.Select(group => (balancer, group)));
    }

    /// <summary>A listener's target group given by a value computed at deployment: the group the dependencies name.</summary>
    private string? TargetGroupOf(IacResource listener, string property)
    {
        var recorded = listener.PropertyDependencies.GetValueOrDefault("defaultActions") ?? [];
        var groups = recorded.Concat(listener.Dependencies).Distinct(StringComparer.Ordinal).Select(_stack.Find).OfType<IacResource>()
            .Where(d => Normalise(d.Type) == TargetGroup).ToList();
        if (groups.Count == 1)
        {
            return _graph.Find(Arn(groups[0]), SyntheticLabels.TargetGroup[0]);
        }

        Unknown(listener, property, Arn(listener));
        return null;
    }

    /// <summary>
    /// Cartography links a balancer straight to its targets (<c>EXPOSE {port, protocol, target_group_arn}</c>) and to
    /// its target groups; a target is exposed by every balancer with a listener forwarding to its group.
    /// </summary>
    private void ExposeTargets()
    {
        foreach (var attachment in _stack.Resources.Where(r => Normalise(r.Type) == TargetGroupAttachment && Applies(r)))
        {
            if (Ref(attachment, "targetGroupArn", attachment.Urn, SyntheticLabels.TargetGroup) is not { } group)
            {
                continue;
            }

            var target = Ref(attachment, "targetId", attachment.Urn, SyntheticLabels.Instance);
            if (target is null)
            {
                continue;
            }

            var port = attachment.Property("port").Integer ?? _graph.Property(group, "port") as long?;
            Changed(_graph.IdOf(target), attachment);
            foreach (var (balancer, _) in _forwards.Where(f => f.TargetGroup == group))
            {
                _graph.Link("ELBV2_TARGET_GROUP", balancer, group);
                _graph.Link("EXPOSE", balancer, target, new Dictionary<string, object?>
                {
                    ["port"] = port, ["protocol"] = _graph.Property(group, "protocol"), ["target_group_arn"] = _graph.IdOf(group),
                });
            }
        }
    }

    private void Remove(IacResource r, string type)
    {
        var labels = type switch
        {
            Vpc => SyntheticLabels.Vpc,
            Subnet => SyntheticLabels.Subnet,
            InternetGateway => SyntheticLabels.InternetGateway,
            SecurityGroup => SyntheticLabels.SecurityGroup,
            RouteTable => SyntheticLabels.RouteTable,
            NetworkAcl => SyntheticLabels.NetworkAcl,
            Instance => SyntheticLabels.Instance,
            LoadBalancer => SyntheticLabels.LoadBalancerV2,
            TargetGroup => SyntheticLabels.TargetGroup,
            Listener => SyntheticLabels.Elbv2Listener,
            RouteTableAssociation => SyntheticLabels.RouteTableAssociation,
            _ => null,
        };
        if (labels is not null)
        {
            if (r.Id is { } id && _graph.Find(id, labels[0]) is { } node)
            {
                Changed(_graph.IdOf(node), r);
                foreach (var owned in _graph.Into("MEMBER_OF_EC2_SECURITY_GROUP", node).Where(k => _graph.HasLabel(k, "AWSIpRule"))
                    .Concat(_graph.Into("MEMBER_OF_NACL", node)).Concat(_graph.OutOf("ROUTE", node)).Concat(_graph.OutOf("ASSOCIATION", node)).ToList())
                {
                    _graph.Remove(owned);
                }

                _graph.Remove(node);
            }

            return;
        }

        switch (type)
        {
            case SecurityGroupRule or SecurityGroupIngressRule or SecurityGroupEgressRule:
                RemoveRule(r, type);
                break;
            case Route when r.Property("routeTableId").String is { } table && r.Property("destinationCidrBlock").String is { } cidr:
                RemoveNode($"{table}|{cidr}", SyntheticLabels.Route, r, table);
                break;
            case NetworkAclRule when r.Property("networkAclId").String is { } acl && r.Property("ruleNumber").Integer is { } number:
                RemoveNode(CartographyShapes.AclRuleId(acl, r.Property("egress").Bool == true, number), SyntheticLabels.NetworkAclInboundRule, r, acl);
                break;
            case NetworkAclAssociation when r.Property("networkAclId").String is { } acl && r.Property("subnetId").String is { } subnet
                && _graph.Find(acl, SyntheticLabels.NetworkAcl[0]) is { } aclNode && _graph.Find(subnet, SyntheticLabels.Subnet[0]) is { } subnetNode:
                _graph.Unlink("PART_OF_SUBNET", aclNode, subnetNode);
                Changed(subnet, r);
                break;
            case TargetGroupAttachment when r.Property("targetGroupArn").String is { } group && r.Property("targetId").String is { } target
                && _graph.Find(target, SyntheticLabels.Instance[0]) is { } targetNode:
                _graph.UnlinkInto("EXPOSE", targetNode, (_, properties) => Equals(properties.GetValueOrDefault("target_group_arn"), group));
                Changed(target, r);
                break;
            default:
                RemoveManagedService(r, type);
                break;
        }
    }

    /// <summary>A removed rule resource takes its sources off the rule node; the node goes when nothing is left on it.</summary>
    private void RemoveRule(IacResource r, string type)
    {
        var group = r.Property("securityGroupId").String;
        var splitRule = type is SecurityGroupIngressRule or SecurityGroupEgressRule;
        var inbound = type == SecurityGroupIngressRule || (type == SecurityGroupRule && r.Property("type").String != "egress");
        var protocol = CartographyShapes.GroupProtocol(r.Property(splitRule ? "ipProtocol" : "protocol").String ?? "-1");
        if (group is null)
        {
            return;
        }

        var allTraffic = protocol == "-1";
        var ruleId = CartographyShapes.RuleId(group, inbound, allTraffic ? null : r.Property("fromPort").Integer, allTraffic ? null : r.Property("toPort").Integer, protocol);
        if (_graph.Find(ruleId, "AWSIpRule") is not { } rule)
        {
            return;
        }

        Changed(group, r);
        var cidrs = r.Property(splitRule ? "cidrIpv4" : "cidrBlocks").Items().Select(v => v.String).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var range in _graph.Into("MEMBER_OF_IP_RULE", rule).Where(k => cidrs.Contains(_graph.IdOf(k))))
        {
            _graph.Unlink("MEMBER_OF_IP_RULE", range, rule);
        }

        if (_graph.Into("MEMBER_OF_IP_RULE", rule).Count == 0)
        {
            _graph.Remove(rule);
        }
    }

    private void RemoveNode(string id, string[] labels, IacResource r, string ownerId)
    {
        if (_graph.Find(id, labels[0]) is { } node)
        {
            _graph.Remove(node);
            Changed(ownerId, r);
        }
    }

    /// <summary>Creates or rewrites the resource's node and records the change.</summary>
    private string Node(IacResource r, string id, string[] labels, params (string Name, object? Value)[] properties)
    {
        if (_graph.Find(id, labels[0]) is null)
        {
            _createdBy.TryAdd(id, r);
        }

        Changed(id, r);
        return _graph.Upsert(id, labels, properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).Prepend(new("region", _stack.Config.GetValueOrDefault("aws:region"))));
    }

    /// <summary>Records the first resource that changes a node: the one that creates it, else the first that rewrites it.</summary>
    private void Changed(string id, IacResource r) => _changedBy.TryAdd(id, r);

    private void Unknown(IacResource r, string property, string nodeId) => _unknowns.Add(new UnknownValue(r, property, nodeId));

    /// <summary>A decided boolean, or for an unknown one the value the plan's resolution gives it.</summary>
    private bool Decide(IacResource r, string property, string nodeId, bool? value)
    {
        if (value is { } known)
        {
            return known;
        }

        Unknown(r, property, nodeId);
        return _resolution == UnknownResolution.Widest;
    }

    /// <summary>The Cartography id of a resource: its own id once it exists, else one minted from its Pulumi name.</summary>
    private static string Id(IacResource r, string prefix) => !r.IsCreated && r.Id is { Length: > 0 } id ? id : $"{prefix}planned-{r.Name}";

    private static string Arn(IacResource r) =>
        !r.IsCreated && r.Id is { Length: > 0 } id ? id : r.Property("arn").String ?? $"arn:aws:planned:::{r.Type}/{r.Name}";

    private string IdOfTarget(IacResource target) => Normalise(target.Type) switch
    {
        LoadBalancer => _graph.Find(Arn(target), SyntheticLabels.LoadBalancerV2[0]) is { } node ? _graph.IdOf(node) : Arn(target),
        TargetGroup or Listener => Arn(target),
        Vpc => Id(target, "vpc-"),
        Subnet => Id(target, "subnet-"),
        InternetGateway => Id(target, "igw-"),
        SecurityGroup => Id(target, "sg-"),
        Instance => Id(target, "i-"),
        RouteTable => Id(target, "rtb-"),
        NetworkAcl => Id(target, "acl-"),
        _ => ManagedServiceId(target) ?? target.Id ?? target.Urn,
    };

    /// <summary>
    /// The node <paramref name="source"/>'s <paramref name="property"/> names: a resource of the stack (by
    /// dependency or value), else the literal id of a live resource. An unknown value that names nothing is recorded.
    /// </summary>
    private string? Ref(IacResource source, string property, string nodeId, string[] labels)
    {
        var value = source.Property(property);
        // A resource may carry the very name it refers to (a bucket's policy names the bucket): it is not its own target.
        var target = _stack.Targets(source, property).FirstOrDefault(t => t != source && Understood.Contains(Normalise(t.Type)));
        var id = target is not null ? IdOfTarget(target) : value.String;
        if (id is null)
        {
            if (value.IsUnknown)
            {
                Unknown(source, property, nodeId);
            }

            return null;
        }

        return _graph.Find(id, labels[0]);
    }

    /// <summary>The nodes a list property names: its literal ids, and for unknown items the resources it depends on.</summary>
    private List<string> Refs(IacResource source, string property, string nodeId, string[] labels)
    {
        var items = source.Property(property).Items().ToList();
        var ids = items.Select(v => v.String).OfType<string>().ToList();
        if (items.Any(v => v.IsUnknown))
        {
            var dependencies = source.PropertyDependencies.TryGetValue(property, out var urns)
                ? urns.Select(_stack.Find).OfType<IacResource>().Where(t => Understood.Contains(Normalise(t.Type))).ToList()
                : [];
            if (dependencies.Count == 0)
            {
                Unknown(source, property, nodeId);
            }

            ids.AddRange(dependencies.Select(IdOfTarget));
        }

        return [.. ids.Select(id => _graph.Find(id, labels[0])).OfType<string>().Distinct()];
    }

    private string? SecurityGroupKey(string idOrName) => _graph.Find(idOrName, SyntheticLabels.SecurityGroup[0]);

    private static string Join(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";
}
