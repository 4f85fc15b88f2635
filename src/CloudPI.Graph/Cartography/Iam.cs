namespace CloudPI.Graph.Cartography;

public readonly record struct Role(GraphNode Node) : ICartographyNode<Role>
{
    public static CartographyKind Kind => CartographyKinds.Role;

    public static Role Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public RelatedNodes<Policy> Policies => Node.Related<Policy>("POLICY", Direction.Outgoing);

    /// <summary>Principals the trust policy names (conditions and Deny are not stored).</summary>
    public IEnumerable<GraphNode> TrustedPrincipals => Node.Neighbors("TRUSTS_AWS_PRINCIPAL", Direction.Outgoing);

    /// <summary>Roles this role may assume (<c>STS_ASSUMEROLE_ALLOW</c>, source → target).</summary>
    public RelatedNodes<Role> CanAssume => Node.Related<Role>("STS_ASSUMEROLE_ALLOW", Direction.Outgoing);

    public IEnumerable<GraphNode> AssumableBy => Node.Neighbors("STS_ASSUMEROLE_ALLOW", Direction.Incoming);
}

public readonly record struct Policy(GraphNode Node) : ICartographyNode<Policy>
{
    public static CartographyKind Kind => CartographyKinds.Policy;

    public static Policy Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public RelatedNodes<PolicyStatement> Statements => Node.Related<PolicyStatement>("STATEMENT", Direction.Outgoing);
}

public readonly record struct PolicyStatement(GraphNode Node) : ICartographyNode<PolicyStatement>
{
    public static CartographyKind Kind => CartographyKinds.PolicyStatement;

    public static PolicyStatement Wrap(GraphNode node) => new(node);

    public bool Allows => Node.Properties.GetString("effect") == "Allow";

    public IReadOnlyList<string> Action => Node.Properties.GetStringList("action");

    public IReadOnlyList<string> NotAction => Node.Properties.GetStringList("notaction");

    public IReadOnlyList<string> Resource => Node.Properties.GetStringList("resource");

    public IReadOnlyList<string> NotResource => Node.Properties.GetStringList("notresource");

    /// <summary>The condition block as a JSON string, or null.</summary>
    public string? Condition => Node.Properties.GetString("condition");
}

public readonly record struct InstanceProfile(GraphNode Node) : ICartographyNode<InstanceProfile>
{
    public static CartographyKind Kind => CartographyKinds.InstanceProfile;

    public static InstanceProfile Wrap(GraphNode node) => new(node);

    public RelatedNodes<Role> Roles => Node.Related<Role>("ASSOCIATED_WITH", Direction.Outgoing);
}

public readonly record struct Tag(GraphNode Node) : ICartographyNode<Tag>
{
    public static CartographyKind Kind => CartographyKinds.Tag;

    public static Tag Wrap(GraphNode node) => new(node);

    public string? Key => Node.Properties.GetString("key");

    public string? Value => Node.Properties.GetString("value");
}
