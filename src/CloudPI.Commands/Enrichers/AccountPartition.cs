using CloudPI.Bolt;
using CloudPI.Commands.Graph;
using CloudPI.Dracon.Enrichers;
using CloudPI.Enrichers;
using CloudPI.Graph;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Neo4j;
using Serilog;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// The issues of an organisation grouped by AWS account, each group analysed on its own account's part of the graph
/// (from a file: <see cref="ApocAccountIndex"/>; from Neo4j: <see cref="Neo4jAccountIndex"/>), so an enricher holds
/// one account at a time instead of the organisation.
/// </summary>
/// <remarks>
/// <para>An issue's account is the account owning the node its target resolves to (by the resolver's own readings:
/// the target, then the resource id inside an ARN or fallback target; an id before an ARN). A target not in the graph
/// belongs to the account its ARN (or <c>@account</c> fallback) names, when the graph has that account.</para>
/// <para>Issues with no account (a shared node such as an AWS-managed policy, a container image, an account the graph
/// lacks) form the last group, analysed on the whole graph: exactly as before, at the whole graph's memory.</para>
/// <para>Per-account analysis applies to a JSON-lines graph file, or a whole Neo4j graph (no <c>--account</c>), whose
/// issues name two or more accounts by ARN; anything else (a single account, an ARRAY_JSON file, the graph a scan
/// already loaded) is analysed whole, as before.</para>
/// </remarks>
internal sealed class AccountPartition : IDisposable
{
    private readonly GraphInput _input;
    private readonly AccountLoader _loader;

    private AccountPartition(GraphInput input, AccountLoader loader, IReadOnlyList<AccountGroup> groups)
    {
        _input = input;
        _loader = loader;
        Groups = groups;
    }

    /// <summary>Whether a node has a key (node id, else ARN) and the account owning it (null: no single account).</summary>
    private delegate bool OwnerLookup(string key, out string? account);

    /// <summary>The groups in the order their first issue comes in the input; the group without an account last.</summary>
    public IReadOnlyList<AccountGroup> Groups { get; }

    /// <summary>The partition of <paramref name="inputs"/>' issues, or null when the graph is to be analysed whole.</summary>
    /// <param name="followAssumedRoles">Whether each account is loaded with the part of the accounts it may assume roles
    /// in that a blast radius walks through (exploitability), or with only the far ends of its cross-account edges (reachability).</param>
    public static async Task<AccountPartition?> PlanAsync(
        GraphInput input, IReadOnlyList<TaggedResults> inputs, bool followAssumedRoles, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(inputs);
        var targets = inputs.Select(i => i.Response.Issues.Select(issue => issue.Target).ToList()).ToList();
        if (input.IsLoaded || targets.SelectMany(t => t).Select(ArnAccount).Where(a => a is not null).Distinct().Take(2).Count() < 2)
        {
            return null;
        }

        var keys = targets.SelectMany(t => t).Where(t => !string.IsNullOrWhiteSpace(t)).SelectMany(t => ResourceResolver.Candidates(t!.Trim()));
        var scopes = input switch
        {
            { File: { } file } => await FileScopesAsync(file, keys, followAssumedRoles, logger, cancellationToken).ConfigureAwait(false),
            { Neo4j: { } server, Accounts.Count: 0 } => await Neo4jScopesAsync(server, keys, followAssumedRoles, logger, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (scopes is null)
        {
            return null;
        }

        var groups = Group(targets, target => AccountOf(scopes, target));
        logger.Information("{Accounts} accounts of {Total} in the graph have issues; analysed one account at a time", groups.Count(g => g.Account is not null), scopes.Accounts.Count);
        // Only the loader outlives the planning: a file's index goes with the scopes.
        return new AccountPartition(input, scopes.LoaderFor([.. groups.Select(g => g.Account).OfType<string>()], logger), groups);
    }

    private static async Task<AccountScopes?> FileScopesAsync(string file, IEnumerable<string> keys, bool followAssumedRoles, ILogger logger, CancellationToken cancellationToken)
    {
        logger.Information("Indexing the accounts of {File}", file);
        var index = await Task.Run(() => ApocAccountIndex.Build(file, keys), cancellationToken).ConfigureAwait(false);
        if (!index.Partitionable || index.NodeCount == 0)
        {
            return null;
        }

        return new AccountScopes(
            index.Accounts.ToHashSet(StringComparer.Ordinal),
            index.TryFindOwner,
            (accounts, logger) => SpillRanges(file, index, accounts, followAssumedRoles, logger));
    }

    /// <summary>
    /// Each account's line ranges, worked out now and kept on disk, so that the index (about 36 bytes per node and
    /// relationship of the whole organisation) is not held while the accounts are analysed: memory during the
    /// analyses no longer grows with the organisation. Native AOT, 50 accounts of 2,000 resources: peak 27.4 -> 24.9 MB
    /// (reachability), 28.7 -> 26.0 MB (exploitability).
    /// </summary>
    private static AccountLoader SpillRanges(string file, ApocAccountIndex index, IReadOnlyList<string> accounts, bool followAssumedRoles, ILogger logger)
    {
        var spilled = new SpilledRanges();
        try
        {
            foreach (var (account, ranges) in index.RangesOfEach(accounts, followAssumedRoles))
            {
                spilled.Add(account, ranges);
            }
        }
        catch
        {
            spilled.Dispose();
            throw;
        }

        logger.Debug("Kept the line ranges of {Accounts} accounts in a temporary file ({Bytes} bytes)", accounts.Count, spilled.Bytes);
        return RangesLoader(file, spilled);
    }

    /// <summary>Loads an account from its kept ranges; built apart from <see cref="SpillRanges"/> so that its closure holds no index.</summary>
    private static AccountLoader RangesLoader(string file, SpilledRanges spilled) =>
        new((account, _, token) => Task.Run(() => ApocAccountIndex.LoadRanges(file, spilled.Read(account)), token), spilled);

    private static async Task<AccountScopes?> Neo4jScopesAsync(BoltClientOptions server, IEnumerable<string> keys, bool followAssumedRoles, ILogger logger, CancellationToken cancellationToken)
    {
        logger.Information("Finding the accounts of the issues in {Server}", GraphInput.ServerName(server));
        Neo4jAccountIndex index;
        await using (var client = new BoltClient(server))
        {
            index = await Neo4jAccountIndex.BuildAsync(client, keys, cancellationToken).ConfigureAwait(false);
        }

        if (index.Accounts.Count == 0)
        {
            return null;
        }

        return new AccountScopes(
            index.Accounts.ToHashSet(StringComparer.Ordinal),
            index.TryFindOwner,
            (_, _) => new AccountLoader(async (account, accountLogger, token) =>
            {
                await using var client = new BoltClient(server);
                return await index.LoadAsync(client, account, followAssumedRoles, accountLogger, token).ConfigureAwait(false);
            }));
    }

    /// <summary>
    /// Issue positions (input, index) grouped by the account <paramref name="accountOf"/> gives their target, in order of
    /// first appearance; the issues with no account last.
    /// </summary>
    internal static IReadOnlyList<AccountGroup> Group(IReadOnlyList<IReadOnlyList<string?>> targets, Func<string?, string?> accountOf)
    {
        var groups = new Dictionary<string, List<IssuePosition>>(StringComparer.Ordinal);
        var order = new List<string>();
        var unassigned = new List<IssuePosition>();
        for (var input = 0; input < targets.Count; input++)
        {
            for (var i = 0; i < targets[input].Count; i++)
            {
                var account = accountOf(targets[input][i]);
                if (account is null)
                {
                    unassigned.Add(new IssuePosition(input, i));
                    continue;
                }

                if (!groups.TryGetValue(account, out var issues))
                {
                    groups.Add(account, issues = []);
                    order.Add(account);
                }

                issues.Add(new IssuePosition(input, i));
            }
        }

        var result = order.Select(a => new AccountGroup(a, groups[a])).ToList();
        if (unassigned.Count > 0)
        {
            result.Add(new AccountGroup(null, unassigned));
        }

        return result;
    }

    /// <summary>The group's part of the graph: its account's (with shared nodes and cross-account edges' far ends), or the whole graph.</summary>
    public async Task<PropertyGraph> LoadAsync(AccountGroup group, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Account is null)
        {
            logger.Information("Loading the whole graph for {Count} issues that belong to no single account", group.Issues.Count);
            return await _input.LoadAsync(logger, cancellationToken).ConfigureAwait(false);
        }

        var graph = await _loader.Load(group.Account, logger, cancellationToken).ConfigureAwait(false);
        logger.Information("Account {Account}: {Nodes} nodes and {Relationships} relationships for {Count} issues", group.Account, graph.NodeCount, graph.RelationshipCount, group.Issues.Count);
        return graph;
    }

    private static string? AccountOf(AccountScopes scopes, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        foreach (var candidate in ResourceResolver.Candidates(target.Trim()))
        {
            if (scopes.TryFindOwner(candidate, out var owner))
            {
                return owner;
            }
        }

        return ArnAccount(target) is { } named && scopes.Accounts.Contains(named) ? named : null;
    }

    /// <summary>The account an ARN (<c>arn:partition:service:region:account:…</c>) or fallback target (<c>…@account/region</c>) names.</summary>
    private static string? ArnAccount(string? target)
    {
        if (target is null)
        {
            return null;
        }

        if (target.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = target.Split(':', 6);
            return parts.Length == 6 && parts[4].Length > 0 ? parts[4] : null;
        }

        var at = target.StartsWith("AWS::", StringComparison.Ordinal) ? target.LastIndexOf('@') : -1;
        return at >= 0 ? target[(at + 1)..].Split('/')[0] is { Length: > 0 } account ? account : null : null;
    }

    public void Dispose() => _loader.Dispose();

    /// <summary>A graph source's accounts, who owns an issue's node, and the loader of the accounts that have issues.</summary>
    private sealed record AccountScopes(
        IReadOnlySet<string> Accounts, OwnerLookup TryFindOwner, Func<IReadOnlyList<string>, ILogger, AccountLoader> LoaderFor);

    /// <summary>Loads one account's part; disposed with what it kept for that (a temporary file).</summary>
    private sealed class AccountLoader(Func<string, ILogger, CancellationToken, Task<PropertyGraph>> load, IDisposable? kept = null) : IDisposable
    {
        public Func<string, ILogger, CancellationToken, Task<PropertyGraph>> Load => load;

        public void Dispose() => kept?.Dispose();
    }
}

/// <summary>Where an issue is: its tool's input and its index there.</summary>
internal readonly record struct IssuePosition(int Input, int Index);

/// <summary>The issues of one account (null: of no single account, analysed on the whole graph).</summary>
internal sealed record AccountGroup(string? Account, IReadOnlyList<IssuePosition> Issues);
