using CloudPI.Bolt;
using Serilog;

namespace CloudPI.Graph.Neo4j;

/// <summary>
/// What an organisation in Neo4j needs to be analysed one account at a time, asked with three small queries: the
/// accounts, the account owning each issue target (<see cref="CartographyQueries.KeyOwners"/>), and which accounts'
/// principals may assume roles in which others (<see cref="CartographyQueries.AssumeRoleAccounts"/>). Each account's
/// part is then streamed on its own (<see cref="LoadAsync"/>).
/// </summary>
/// <remarks>
/// An issue target's node belongs to the account whose <c>RESOURCE</c> edge points at it (or that is it). A node of no
/// account (a policy statement, an IP range, an AWS-managed policy), or a key that several accounts' nodes share,
/// belongs to no single account: its issues are analysed on the whole graph.
/// </remarks>
public sealed class Neo4jAccountIndex
{
    private readonly Dictionary<string, string?> _ownersById;
    private readonly Dictionary<string, string?> _ownersByArn;
    private readonly Dictionary<string, List<string>> _assumable;

    private Neo4jAccountIndex(
        IReadOnlyList<string> accounts, Dictionary<string, string?> ownersById, Dictionary<string, string?> ownersByArn, Dictionary<string, List<string>> assumable)
    {
        Accounts = accounts;
        _ownersById = ownersById;
        _ownersByArn = ownersByArn;
        _assumable = assumable;
    }

    /// <summary>The AWS account ids of the graph (its <c>AWSAccount</c> nodes), in id order.</summary>
    public IReadOnlyList<string> Accounts { get; }

    /// <summary>Asks <paramref name="client"/> for the accounts, the owners of <paramref name="keys"/> (node ids or ARNs) and the assume-role pairs.</summary>
    public static async Task<Neo4jAccountIndex> BuildAsync(ICypherClient client, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keys);
        var accounts = new List<string>();
        await foreach (var record in client.RunAsync(CartographyQueries.AccountSummary.Text, null, cancellationToken).ConfigureAwait(false))
        {
            if (record["account"] is string account)
            {
                accounts.Add(account);
            }
        }

        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        var ownersById = new Dictionary<string, string?>(StringComparer.Ordinal);
        var ownersByArn = new Dictionary<string, string?>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, object?>
        {
            ["keys"] = wanted.Cast<object?>().ToList(),
            ["labels"] = Neo4jGraphLoader.AnalysedLabels.Cast<object?>().ToList(),
        };
        await foreach (var record in client.RunAsync(CartographyQueries.KeyOwners.Text, parameters, cancellationToken).ConfigureAwait(false))
        {
            var owners = (record["owners"] as IReadOnlyList<object?> ?? []).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var owner = record["account"] is true ? record["id"] as string : owners.Count == 1 ? owners[0] : null;
            AddOwner(ownersById, record["id"] as string, owner);
            AddOwner(ownersByArn, record["arn"] as string, owner);
        }

        var assumable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var record in client.RunAsync(CartographyQueries.AssumeRoleAccounts.Text, null, cancellationToken).ConfigureAwait(false))
        {
            if (record["source"] is string source && record["target"] is string target)
            {
                (assumable.TryGetValue(source, out var targets) ? targets : assumable[source] = []).Add(target);
            }
        }

        return new Neo4jAccountIndex(accounts, ownersById, ownersByArn, assumable);
    }

    /// <summary>
    /// Whether a node has <paramref name="key"/> as its id, or else as its ARN, and the account owning it (null when it
    /// belongs to no single account).
    /// </summary>
    public bool TryFindOwner(string key, out string? account) =>
        _ownersById.TryGetValue(key, out account) || _ownersByArn.TryGetValue(key, out account);

    /// <summary>The accounts whose roles <paramref name="account"/>'s principals can assume, directly or through other accounts.</summary>
    public IReadOnlyList<string> Assumable(string account)
    {
        var reached = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { account };
        var pending = new Stack<string>([account]);
        while (pending.TryPop(out var from))
        {
            foreach (var to in _assumable.GetValueOrDefault(from) ?? [])
            {
                if (seen.Add(to))
                {
                    reached.Add(to);
                    pending.Push(to);
                }
            }
        }

        reached.Sort(StringComparer.Ordinal);
        return reached;
    }

    /// <summary>
    /// <paramref name="account"/>'s part of the graph: its nodes, the shared nodes it reaches, the far ends of its
    /// cross-account edges, and what a blast radius walks through (<see cref="Cartography.AssumedAccount"/>) in the
    /// accounts it can assume roles in.
    /// </summary>
    /// <param name="followAssumedRoles">Whether the accounts it can assume roles in contribute their part (an analysis
    /// that walks blast radii); if not, an assume-role edge is a cross-account edge like any other.</param>
    public Task<PropertyGraph> LoadAsync(ICypherClient client, string account, bool followAssumedRoles, ILogger logger, CancellationToken cancellationToken = default) =>
        new Neo4jGraphLoader(client, logger).LoadAccountAsync(account, followAssumedRoles ? Assumable(account) : [], cancellationToken);

    /// <summary>Several nodes with one key and different accounts make it no single account's.</summary>
    private static void AddOwner(Dictionary<string, string?> owners, string? key, string? owner)
    {
        if (key is null)
        {
            return;
        }

        if (owners.TryGetValue(key, out var known) && !string.Equals(known, owner, StringComparison.Ordinal))
        {
            owners[key] = null;
        }
        else
        {
            owners[key] = owner;
        }
    }
}
