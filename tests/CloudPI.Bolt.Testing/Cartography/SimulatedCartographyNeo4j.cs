using CloudPI.Bolt.Protocol;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using CloudPI.Graph.Neo4j;

namespace CloudPI.Bolt.Testing.Cartography;

/// <summary>
/// A Neo4j holding <paramref name="graph"/> that answers CloudPI's Cartography queries as their Cypher specifies
/// (no Neo4j runs here): the whole-graph loads, the account list, issue-target owners, assume-role account pairs,
/// the assumed accounts whose data an account may reach, and one account's scope. Every RUN is recorded with its parameters. Shared by the enricher tests and the organisation
/// benchmark, which serve a synthetic organisation with it.
/// </summary>
public sealed class SimulatedCartographyNeo4j(PropertyGraph graph)
{
    private static readonly string[] NodeFields = ["id", "labels", "properties"];
    private static readonly string[] RelationshipFields = ["id", "type", "start", "end", "properties"];
    private readonly HashSet<string> _labels = [.. Neo4jGraphLoader.AnalysedLabels];

    /// <summary>Every query run, with its parameters, in order (several connections may interleave).</summary>
    public List<(string Text, IReadOnlyDictionary<string, object?> Parameters)> Runs { get; } = [];

    /// <summary>How many nodes each account-scope query returned.</summary>
    public List<int> ScopeNodeCounts { get; } = [];

    public SimulatedNeo4j Server => new() { Query = Answer };

    private SimulatedResult Answer(BoltMessage run)
    {
        var text = (string)run.Fields[0]!;
        var parameters = (IReadOnlyDictionary<string, object?>)run.Fields[1]!;
        lock (Runs)
        {
            Runs.Add((text, parameters));
        }

        if (text == CartographyQueries.Nodes.Text)
        {
            return Nodes(graph.Nodes.Where(Analysed));
        }

        if (text == CartographyQueries.Relationships.Text)
        {
            return Relationships(graph.Relationships);
        }

        if (text == CartographyQueries.AccountSummary.Text)
        {
            return SimulatedResult.Of(["account", "name", "inscope", "lastupdated"], Accounts().OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (IReadOnlyList<object?>)[a.Id, null, null, null]).ToList());
        }

        if (text == CartographyQueries.KeyOwners.Text)
        {
            var keys = Strings(parameters["keys"]).ToHashSet(StringComparer.Ordinal);
            return SimulatedResult.Of(["id", "arn", "account", "owners"], graph.Nodes
                .Where(n => Analysed(n) && ((n.Id is { } id && keys.Contains(id)) || (n.Arn is { } arn && keys.Contains(arn))))
                .Select(n => (IReadOnlyList<object?>)[n.Id, n.Arn, n.HasLabel("AWSAccount"), Owners(n).Select(o => (object?)o.Id).ToArray()])
                .ToList());
        }

        if (text == CartographyQueries.AssumeRoleAccounts.Text)
        {
            return SimulatedResult.Of(["source", "target"], graph.Relationships
                .Where(r => r.Type is "STS_ASSUMEROLE_ALLOW" or "ASSUMES")
                .SelectMany(r => Owners(r.Start).SelectMany(s => Owners(r.End).Where(t => t != s).Select(t => (Source: s.Id, Target: t.Id))))
                .Distinct()
                .Select(p => (IReadOnlyList<object?>)[p.Source, p.Target])
                .ToList());
        }

        if (text == CartographyQueries.AssumedDataAccounts.Text)
        {
            return SimulatedResult.Of(["account"], AssumedDataAccounts(parameters).Select(a => (IReadOnlyList<object?>)[a]).ToList());
        }

        if (text == CartographyQueries.AccountNodes.Text)
        {
            var scope = Scope(parameters);
            lock (ScopeNodeCounts)
            {
                ScopeNodeCounts.Add(scope.Count);
            }

            return Nodes(scope);
        }

        if (text == CartographyQueries.AccountRelationships.Text)
        {
            return Relationships(ScopeRelationships(Scope(parameters), ParseScope(parameters)));
        }

        return SimulatedResult.Fail("Neo.ClientError.Statement.SyntaxError", "the simulated Cartography Neo4j does not know this query");
    }

    /// <summary>AssumedDataAccounts: the accounts of $assumed owning a principal that a node of $account reaches along
    /// assume-role edges and that has, through a policy, an Allow statement with a NotAction or an action that is one
    /// of $dataActions or, with a wildcard, starts before it like one (lower-cased, as the Cypher compares).</summary>
    private IEnumerable<string> AssumedDataAccounts(IReadOnlyDictionary<string, object?> parameters)
    {
        var account = (string)parameters["account"]!;
        var assumed = Strings(parameters["assumed"]).ToHashSet(StringComparer.Ordinal);
        var granted = Strings(parameters["dataActions"]).ToList();
        var reached = new HashSet<GraphNode>();
        var frontier = new Queue<GraphNode>(Accounts().Where(a => a.Id == account).SelectMany(a => a.Neighbors("RESOURCE", Direction.Outgoing)));
        while (frontier.TryDequeue(out var node))
        {
            foreach (var next in node.Relationships(Direction.Outgoing).Where(r => r.Type is "STS_ASSUMEROLE_ALLOW" or "ASSUMES").Select(r => r.End))
            {
                if (reached.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        bool Grants(string action)
        {
            var lowered = action.ToLowerInvariant();
            var prefix = lowered.Split('*')[0].Split('?')[0];
            return granted.Any(g => g == lowered || ((action.Contains('*', StringComparison.Ordinal) || action.Contains('?', StringComparison.Ordinal)) && g.StartsWith(prefix, StringComparison.Ordinal)));
        }

        bool MayAllowData(GraphNode statement) =>
            statement.Properties.GetString("effect") == "Allow"
            && (statement.Properties.GetStringList("notaction").Count > 0 || statement.Properties.GetStringList("action").Any(Grants));

        return Accounts().Where(a => assumed.Contains(a.Id!))
            .Where(a => a.Neighbors("RESOURCE", Direction.Outgoing).Any(principal => reached.Contains(principal)
                && principal.Neighbors("POLICY", Direction.Outgoing).SelectMany(p => p.Neighbors("STATEMENT", Direction.Outgoing)).Any(MayAllowData)))
            .Select(a => a.Id!)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The nodes of AccountScope: the account's nodes and the contributed part of the assumed accounts', unowned
    /// nodes within two unowned hops, and the far ends (and their accounts) of edges into other accounts' nodes not otherwise loaded.</summary>
    private List<GraphNode> Scope(IReadOnlyDictionary<string, object?> parameters)
    {
        var scope = ParseScope(parameters);
        var owned = Accounts().Where(a => scope.Includes(a.Id))
            .SelectMany(a => a.Neighbors("RESOURCE", Direction.Outgoing).Where(r => a.Id == scope.Account || scope.Contributed(r, a.Id!) || ReachedData(a, r, scope)).Prepend(a).Select(o => (Node: o, Owner: a.Id)))
            .ToList();
        var nodes = new List<GraphNode>();
        var seen = new HashSet<GraphNode>();
        void Add(GraphNode node)
        {
            if (seen.Add(node))
            {
                nodes.Add(node);
            }
        }

        foreach (var (o, owner) in owned)
        {
            Add(o);
            foreach (var near in Neighbours(o).Where(Unowned))
            {
                Add(near);
            }

            foreach (var far in Neighbours(o))
            {
                foreach (var other in Owners(far).Where(a => a.Id != owner && a.Id != scope.Account && !(scope.Assumed.Contains(a.Id!) && scope.Contributed(far, a.Id!))))
                {
                    Add(far);
                    Add(other);
                }
            }
        }

        foreach (var reached in nodes.Where(Unowned).ToList())
        {
            foreach (var further in Neighbours(reached).Where(Unowned))
            {
                Add(further);
            }
        }

        return [.. nodes.Where(Analysed).OrderBy(n => n.Index)];
    }

    /// <summary>Whether a principal of <paramref name="account"/> of the contributed labels has a data-access edge to <paramref name="resource"/>.</summary>
    private static bool ReachedData(GraphNode account, GraphNode resource, AccountScopeParameters scope) =>
        resource.Relationships(Direction.Incoming).Any(r => AssumedAccount.DataAccessTypes.Contains(r.Type) && r.Start.Labels.Any(scope.AssumedLabels.Contains) && Owners(r.Start).Contains(account));

    /// <summary>AccountScopeRelationships: out of a node an in-scope account owns; out of any other only into the account's,
    /// an assumed account's contributed or unowned nodes; and into one from an account node.</summary>
    private static IEnumerable<GraphRelationship> ScopeRelationships(List<GraphNode> nodes, AccountScopeParameters scope) =>
        nodes.SelectMany(n => n.HasLabel("AWSAccount")
                ? []
                : n.Relationships(Direction.Outgoing).Where(r => Owners(n).Any(o => scope.Includes(o.Id))
                    || !Owners(r.End).Any(o => o.Id != scope.Account && !(scope.Assumed.Contains(o.Id!) && scope.Contributed(r.End, o.Id!)))))
            .Concat(nodes.SelectMany(n => n.Relationships(Direction.Incoming).Where(r => r.Start.HasLabel("AWSAccount"))))
            .Distinct()
            .OrderBy(r => r.Index);

    private static AccountScopeParameters ParseScope(IReadOnlyDictionary<string, object?> parameters) => new(
        (string)parameters["account"]!,
        Strings(parameters["assumed"]).ToHashSet(StringComparer.Ordinal),
        Strings(parameters["assumedLabels"]).ToHashSet(StringComparer.Ordinal),
        Strings(parameters["assumedDataLabels"]).ToHashSet(StringComparer.Ordinal),
        Strings(parameters["assumedWithData"]).ToHashSet(StringComparer.Ordinal));

    /// <summary>$account, $assumed, $assumedLabels, $assumedDataLabels and $assumedWithData.</summary>
    private sealed record AccountScopeParameters(string Account, HashSet<string> Assumed, HashSet<string> AssumedLabels, HashSet<string> AssumedDataLabels, HashSet<string> AssumedWithData)
    {
        public bool Includes(string? id) => id == Account || (id is not null && Assumed.Contains(id));

        /// <summary>Whether an assumed account <paramref name="owner"/> contributes <paramref name="node"/> by its labels.</summary>
        public bool Contributed(GraphNode node, string owner) =>
            node.Labels.Any(label => AssumedLabels.Contains(label) || (AssumedDataLabels.Contains(label) && AssumedWithData.Contains(owner)));
    }

    private IEnumerable<GraphNode> Accounts() => graph.NodesWithLabel("AWSAccount");

    private static IEnumerable<GraphNode> Owners(GraphNode node) =>
        node.Neighbors("RESOURCE", Direction.Incoming).Where(a => a.HasLabel("AWSAccount"));

    private static bool Unowned(GraphNode node) => !node.HasLabel("AWSAccount") && !Owners(node).Any();

    private static IEnumerable<GraphNode> Neighbours(GraphNode node) =>
        node.Relationships(Direction.Both).Select(r => r.Start == node ? r.End : r.Start);

    private bool Analysed(GraphNode node) => node.Labels.Any(_labels.Contains);

    private static IEnumerable<string> Strings(object? value) => value is IReadOnlyList<object?> list ? list.OfType<string>() : [];

    private static SimulatedResult Nodes(IEnumerable<GraphNode> nodes) =>
        SimulatedResult.Of(NodeFields, nodes.Select(n => (IReadOnlyList<object?>)[n.ExternalId, n.Labels.Cast<object?>().ToArray(), Map(n.Properties.Entries)]).ToList());

    private static SimulatedResult Relationships(IEnumerable<GraphRelationship> relationships) =>
        SimulatedResult.Of(RelationshipFields, relationships.Select(r => (IReadOnlyList<object?>)[r.ExternalId, r.Type, r.Start.ExternalId, r.End.ExternalId, Map(r.Properties.Entries)]).ToList());

    private static Dictionary<string, object?> Map(IEnumerable<KeyValuePair<string, object?>> entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
