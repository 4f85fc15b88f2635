using System.Buffers.Text;
using System.Collections;
using System.Numerics;
using System.Text;
using System.Text.Json;
using CloudPI.Graph.Cartography;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// Which lines of an APOC JSON-lines graph file belong to which AWS account, from one streaming pass that keeps no
/// properties: an organisation's graph is then loaded one account at a time (<see cref="Load"/>), so memory follows
/// the largest account instead of the organisation.
/// </summary>
/// <remarks>
/// <para>Ownership follows Cartography's schema: an account owns the nodes its <c>AWSAccount</c> node points at with
/// <c>RESOURCE</c>, and is its own. A node no account owns (security-group rules, IP ranges, tags, policy statements)
/// belongs to the one account whose nodes it is connected to, through other such nodes; connected to several accounts
/// or to none (0.0.0.0/0, AWS-managed policies, service principals) it is shared and loaded with every account.</para>
/// <para>An edge between two accounts is followed on demand. For an analysis that walks blast radii, an assume-role edge
/// (<c>STS_ASSUMEROLE_ALLOW</c>, <c>ASSUMES</c>) out of a loaded account makes the other account an assumed one, and so on along the chain: it
/// contributes only what a blast radius walks through (<see cref="AssumedAccount"/>: its account node, principals,
/// policies and statements, the ends of its principals' data-access edges, its S3 buckets and KMS keys when a principal
/// of it that the analysed accounts' nodes reach along assume-role edges has a statement that may allow one of
/// <see cref="DataActions"/>, and the tags of those), never its compute or network, so an account that may assume a
/// role in every other one still loads little more than itself. Any other edge, in either direction, between a loaded
/// node and a node of another account that is not loaded (a trust in another account's principal, a peering
/// connection's accepter VPC) loads only that node and its account node.</para>
/// <para>Only the JSON-lines layout, where each record is a line, is indexed; an ARRAY_JSON file is reported as
/// <see cref="Partitionable"/> false and loaded whole.</para>
/// </remarks>
public sealed class ApocAccountIndex
{
    private const int Unowned = -1;
    private const int Shared = -2;

    private readonly string _path;
    // The index's columns grow in small chunks and are never copied: lists doubling to a few hundred thousand entries
    // left their outgrown arrays on the large-object heap until a full collection, and trimming them copied each once
    // more. What the index keeps after it is built is pinned (the traits column, the packed values), so the compacting
    // collection after each account (EnricherRunner) does not copy it either: 50 accounts of 2,000 resources, Native
    // AOT, peak 32-33 -> 29-31 MB.
    // What each node is to an assumed account (its labels, and for a policy statement whether it may allow one of
    // DataActions): a byte a node.
    private readonly Column<NodeTraits> _traits = new(pinned: true);
    // Each record's bytes up to the next record (terminator and blank lines included), in file order: while scanning
    // in two bytes a record (not pinned: compacted away after the first account), then packed in the bits that make
    // them smallest (PackLengths); the records longer than that are kept aside. An organisation's index stays small next to one
    // account's graph (four bytes a record left 1.8 MB of pinned holes under every account of 50 x 2,000).
    private Column<ushort> _recordLengths = new();
    private PackedInts _packedLengths = PackedInts.Empty;
    private int _lengthMarker;
    private readonly Dictionary<int, int> _longRecords = [];
    private long _firstRecord = -1;
    private long _lastRecord;
    private bool _lastRecordIsNode;
    private int _nodeCount;
    // Each node's owning account (or Unowned, Shared) and each relationship's kind: in columns while the index is
    // built (not pinned: the collection after each account compacts them away), then packed (owner + 2 in the bits the
    // accounts need; a kind in three bits).
    private Column<int> _owners = new();
    private PackedInts _ownerCodes = PackedInts.Empty;
    // Each relationship's start and end node: while scanning in columns (not pinned: the collection after each account
    // compacts them away), then in the bits the node count needs (17 instead of 32 for 104,215 nodes), like the groups
    // below: 50 accounts of 2,000 resources, index 6.8 -> 4.6 MB.
    private Column<int> _scannedStarts = new();
    private Column<int> _scannedEnds = new();
    private PackedInts _starts = PackedInts.Empty;
    private PackedInts _ends = PackedInts.Empty;
    private Column<RelationshipKind> _kinds = new();
    private PackedInts _kindCodes = PackedInts.Empty;
    private readonly List<string> _accounts = [];
    private readonly List<int> _accountNodes = [];

    // One account's part is found from its own groups, never by walking the organisation's records: with a walk per
    // account the time of an organisation grew with the square of its accounts (1,000 accounts of 100 resources: the
    // loads took 13 ms an account, most of it walking the other accounts' records).
    // The nodes by owner (each account's in file order, then the shared ones), and where each owner's group starts.
    private PackedInts _nodesByOwner = PackedInts.Empty;
    private int[] _nodeGroupStarts = [];
    // The relationships by owner: an account's own (between its nodes, or its node and a shared node), then those
    // between shared nodes, then those between two accounts (only listed below); and where each group starts.
    private PackedInts _relationshipsByOwner = PackedInts.Empty;
    private int[] _relationshipGroupStarts = [];
    // The relationships between two accounts' nodes, listed under each of the two accounts; and where each account's list starts.
    private PackedInts _crossByAccount = PackedInts.Empty;
    private int[] _crossStarts = [];
    // Every assume-role relationship: an account's role closure and the principals it reaches follow only these.
    private int[] _assumeRoles = [];
    // Where the records of each kind run in the file: the first node (or relationship) of each run and its record,
    // so a node's or relationship's record is found without a column per item; and the offset of every 64th record.
    private readonly List<(int FirstItem, int FirstRecord)> _nodeRuns = [];
    private readonly List<(int FirstItem, int FirstRecord)> _relationshipRuns = [];
    private long[] _offsetCheckpoints = [];
    private const int CheckpointShift = 6;
    // APOC's ids are mostly small dense numbers: those index a list, the rest a dictionary.
    private Column<int> _denseIds = new();
    private readonly Dictionary<long, int> _numericIds = [];
    private readonly Dictionary<string, int> _otherIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nodesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nodesByArn = new(StringComparer.Ordinal);

    // Scratch of the record being scanned, reused so the pass allocates little beyond the index.
    private readonly List<(string Key, bool IsId)> _recordKeys = new(2);
    private char[] _idProperty = new char[64];

    private ApocAccountIndex(string path) => _path = path;

    private enum RelationshipKind : byte
    {
        Other,
        Resource,
        AssumeRole,
        DataAccess,
        Tagged,
        Policy,
        Statement,
    }

    [Flags]
    private enum NodeTraits : byte
    {
        None = 0,
        /// <summary>Of <see cref="AssumedAccount.Labels"/>: contributed whole.</summary>
        Identity = 1,
        /// <summary>Of <see cref="AssumedAccount.DataLabels"/>: contributed when the account's data may be reached.</summary>
        Data = 2,
        /// <summary>An Allow statement that may allow one of <see cref="DataActions"/>.</summary>
        MayAllowData = 4,
        /// <summary>A policy with a <see cref="MayAllowData"/> statement.</summary>
        GrantsData = 8,
    }

    /// <summary>What an account brings to the analysis of another.</summary>
    private enum AccountRole : byte
    {
        Absent,
        Analysed,
        Assumed,
    }

    // The labels and relationship types the scan classifies by, as UTF-8.
    private static readonly byte[][] ContributedLabels = [.. AssumedAccount.Labels.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] DataLabels = [.. AssumedAccount.DataLabels.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[] Allow = Encoding.UTF8.GetBytes(DataActions.Allow);
    private static readonly byte[][] DataAccessTypes = [.. AssumedAccount.DataAccessTypes.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[] TagType = Encoding.UTF8.GetBytes(AssumedAccount.TagType);

    /// <summary>Whether the file is in the JSON-lines layout this index can load by account.</summary>
    public bool Partitionable { get; private set; } = true;

    /// <summary>The AWS account ids of the graph (its <c>AWSAccount</c> nodes), in file order.</summary>
    public IReadOnlyList<string> Accounts => _accounts;

    /// <summary>How many nodes the file holds.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>
    /// Indexes <paramref name="path"/> in one pass. <paramref name="keys"/> are node ids or ARNs whose account the
    /// caller will ask (<see cref="TryFindOwner"/>); only those are remembered.
    /// </summary>
    /// <exception cref="GraphFormatException">A line is not a valid record.</exception>
    public static ApocAccountIndex Build(string path, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (Directory.Exists(path))
        {
            throw new GraphFormatException(path, "is a directory; expected a graph file (an APOC JSON-lines export)");
        }

        var index = new ApocAccountIndex(path);
        var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        using (var lines = new PooledLineReader(stream))
        {
            index.Scan(lines, wanted);
            if (index._recordLengths.Count > 0)
            {
                index.EndRecord(stream.Length);
            }
        }

        index.ReleaseScanState();
        // The pass's own columns are garbage now, and what follows allocates in fresh regions, not in their space: give
        // it back first, or the planning's peak is both (Native AOT, 1,000 accounts of 100 resources: 39.0 -> 34.2 MB).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (index.Partitionable)
        {
            index.AssignOwners();
            index.MarkGrantingPolicies();
            index.GroupByOwner();
            index.PlaceCheckpoints();
        }

        index.PackOwnersAndKinds();

        return index;
    }

    /// <summary>
    /// Whether a node has <paramref name="key"/> (one of the keys given to <see cref="Build"/>) as its id, or else as
    /// its ARN, and the account owning it (null when it belongs to no single account).
    /// </summary>
    public bool TryFindOwner(string key, out string? account)
    {
        // The first node with that id, else the first with that ARN: the node the loaded graph's lookup finds.
        if (!_nodesById.TryGetValue(key, out var node) && !_nodesByArn.TryGetValue(key, out node))
        {
            account = null;
            return false;
        }

        account = Owner(node) is var owner && owner >= 0 ? _accounts[owner] : null;
        return true;
    }

    /// <summary>
    /// The subgraph of <paramref name="accounts"/>: their nodes, the shared nodes, the other side of their
    /// cross-account edges (see the remarks), and every relationship between two loaded nodes, in file order.
    /// </summary>
    /// <param name="followAssumedRoles">Whether the accounts their roles may assume contribute their part (an
    /// analysis that walks blast radii); if not, an assume-role edge is a cross-account edge like any other.</param>
    /// <exception cref="InvalidOperationException">The file is not <see cref="Partitionable"/>.</exception>
    public PropertyGraph Load(IReadOnlyCollection<string> accounts, bool followAssumedRoles = true)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ThrowUnlessPartitionable();
        return LoadRanges(_path, new Part(this).Select(accounts, followAssumedRoles).Ranges());
    }

    /// <summary>
    /// Where in the file <see cref="Load"/> finds each account's subgraph, one account after another: byte ranges of
    /// whole lines, in file order. Kept (on disk, say), they load the subgraphs later with <see cref="LoadRanges"/>,
    /// when the index itself is gone. One workspace serves every account, so working out a thousand accounts leaves no
    /// garbage behind: each list is valid until the next account's is yielded.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is not <see cref="Partitionable"/>.</exception>
    public IEnumerable<(string Account, IReadOnlyList<(long Offset, int Length)> Ranges)> RangesOfEach(IEnumerable<string> accounts, bool followAssumedRoles = true)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ThrowUnlessPartitionable();
        return Each(new Part(this), accounts, followAssumedRoles);

        // An iterator of its own, so the argument checks above run when called, not when first enumerated.
        static IEnumerable<(string, IReadOnlyList<(long, int)>)> Each(Part part, IEnumerable<string> accounts, bool followAssumedRoles)
        {
            foreach (var account in accounts)
            {
                yield return (account, part.Select([account], followAssumedRoles).Ranges());
            }
        }
    }

    private void ThrowUnlessPartitionable()
    {
        if (!Partitionable)
        {
            throw new InvalidOperationException($"{_path} is not in the JSON-lines layout; load it whole");
        }
    }

    /// <summary>The graph in <paramref name="ranges"/> of <paramref name="path"/> (from <see cref="RangesOfEach"/>, for the same file).</summary>
    public static PropertyGraph LoadRanges(string path, IReadOnlyList<(long Offset, int Length)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ApocJsonLinesReader.Read(new LineRangeStream(stream, ranges), path);
    }

    /// <summary>
    /// The nodes and relationships of one load, found from the groups of the accounts it concerns: the analysed
    /// accounts, the accounts they may assume roles in, and those across their cross-account edges.
    /// </summary>
    /// <remarks>Reusable: <see cref="Select"/> starts a new part in the same workspace.</remarks>
    private sealed class Part
    {
        private readonly ApocAccountIndex _index;
        private readonly AccountRole[] _roles;
        // A bit per node of the organisation, cleared for each account, rather than a byte.
        private readonly BitArray _loaded;
        private readonly List<int> _nodes = [];
        // The accounts whose groups hold what may be loaded: analysed and assumed ones, then those reached across an edge.
        private readonly List<int> _concerned = [];
        private readonly List<int> _across = [];
        private readonly List<int> _relationships = [];
        private readonly List<PackedInts.Slice> _groups = [];
        private readonly List<int> _records = [];
        private readonly List<(long Offset, int Length)> _ranges = [];

        public Part(ApocAccountIndex index)
        {
            _index = index;
            _roles = new AccountRole[index._accounts.Count];
            _loaded = new BitArray(index._nodeCount);
        }

        /// <summary>Starts the part of <paramref name="accounts"/>, forgetting any earlier one.</summary>
        public Part Select(IReadOnlyCollection<string> accounts, bool followAssumedRoles)
        {
            Array.Clear(_roles);
            _loaded.SetAll(false);
            _nodes.Clear();
            _concerned.Clear();
            foreach (var account in accounts)
            {
                var at = _index._accounts.IndexOf(account);
                if (at >= 0)
                {
                    _roles[at] = AccountRole.Analysed;
                }
            }

            if (followAssumedRoles)
            {
                AssumeAlongRoles();
            }

            for (var account = 0; account < _roles.Length; account++)
            {
                if (_roles[account] != AccountRole.Absent)
                {
                    _concerned.Add(account);
                }
            }

            SelectNodes();
            return this;
        }

        /// <summary>An assume-role edge out of an analysed or assumed account makes the account it leads to assumed, and so on along the chain.</summary>
        private void AssumeAlongRoles()
        {
            var (index, starts, ends) = (_index, _index._starts, _index._ends);
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var r in index._assumeRoles)
                {
                    var (from, to) = (index.Owner(starts[r]), index.Owner(ends[r]));
                    if (from >= 0 && to >= 0 && _roles[from] != AccountRole.Absent && _roles[to] == AccountRole.Absent)
                    {
                        _roles[to] = AccountRole.Assumed;
                        changed = true;
                    }
                }
            }
        }

        private void SelectNodes()
        {
            var index = _index;
            foreach (var node in Group(index._nodesByOwner, index._nodeGroupStarts, index._accounts.Count))
            {
                Load(node);
            }

            var withData = AssumedAccountsWithReachableData();
            foreach (var account in _concerned)
            {
                foreach (var node in Group(index._nodesByOwner, index._nodeGroupStarts, account))
                {
                    var traits = index._traits[node];
                    if (_roles[account] == AccountRole.Analysed
                        || (traits & NodeTraits.Identity) != 0 || ((traits & NodeTraits.Data) != 0 && withData[account]) || index._accountNodes[account] == node)
                    {
                        Load(node);
                    }
                }
            }

            // Then what an assumed account's principals may read or write, then the tags of all it contributes.
            ContributeEnds(RelationshipKind.DataAccess);
            ContributeEnds(RelationshipKind.Tagged);

            // Across an edge from a loaded node to another account's node that is not loaded: that node and its account node.
            var across = _across;
            across.Clear();
            foreach (var account in _concerned)
            {
                foreach (var r in Group(index._crossByAccount, index._crossStarts, account))
                {
                    var (start, end) = (index._starts[r], index._ends[r]);
                    if (_loaded[start] != _loaded[end])
                    {
                        across.Add(_loaded[start] ? end : start);
                    }
                }
            }

            foreach (var other in across)
            {
                var owner = index.Owner(other);
                Load(other);
                Load(index._accountNodes[owner]);
                if (!_concerned.Contains(owner))
                {
                    _concerned.Add(owner);
                }
            }
        }

        private void Load(int node)
        {
            if (!_loaded[node])
            {
                _loaded[node] = true;
                _nodes.Add(node);
            }
        }

        /// <summary>
        /// The assumed accounts owning a principal that the analysed accounts' nodes reach along assume-role edges and
        /// whose policy has a statement that may allow one of <see cref="DataActions"/>: only those bring their buckets and keys.
        /// </summary>
        private bool[] AssumedAccountsWithReachableData()
        {
            var index = _index;
            var withData = new bool[_roles.Length];
            if (!_roles.Contains(AccountRole.Assumed))
            {
                return withData;
            }

            var reached = new HashSet<int>();
            bool Reached(int node) => (index.Owner(node) is var owner && owner >= 0 && _roles[owner] == AccountRole.Analysed) || reached.Contains(node);
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var r in index._assumeRoles)
                {
                    if (Reached(index._starts[r]) && !Reached(index._ends[r]))
                    {
                        reached.Add(index._ends[r]);
                        changed = true;
                    }
                }
            }

            foreach (var account in _concerned)
            {
                if (_roles[account] != AccountRole.Assumed)
                {
                    continue;
                }

                foreach (var r in index.Touching(account))
                {
                    var principal = index._starts[r];
                    if (index.Kind(r) == RelationshipKind.Policy && index.Owner(principal) == account
                        && (index._traits[index._ends[r]] & NodeTraits.GrantsData) != 0 && Reached(principal))
                    {
                        withData[account] = true;
                        break;
                    }
                }
            }

            return withData;
        }

        /// <summary>Loads the ends of <paramref name="kind"/> edges out of an assumed account's loaded nodes into its own
        /// nodes, in file order (an end loaded here is the start of a later edge).</summary>
        private void ContributeEnds(RelationshipKind kind)
        {
            var index = _index;
            foreach (var account in _concerned)
            {
                if (_roles[account] != AccountRole.Assumed)
                {
                    continue;
                }

                foreach (var r in Group(index._relationshipsByOwner, index._relationshipGroupStarts, account))
                {
                    var (start, end) = (index._starts[r], index._ends[r]);
                    if (index.Kind(r) == kind && index.Owner(start) == account && index.Owner(end) == account && _loaded[start])
                    {
                        Load(end);
                    }
                }
            }
        }

        /// <summary>The byte ranges of the loaded nodes and of every relationship between two of them, in file order,
        /// adjacent records joined (valid until the next <see cref="Select"/>).</summary>
        public List<(long Offset, int Length)> Ranges()
        {
            var index = _index;
            var (relationships, groups, records, ranges) = (_relationships, _groups, _records, _ranges);
            relationships.Clear();
            groups.Clear();
            records.Clear();
            ranges.Clear();
            groups.Add(Group(index._relationshipsByOwner, index._relationshipGroupStarts, index._accounts.Count));
            foreach (var account in _concerned)
            {
                groups.Add(Group(index._relationshipsByOwner, index._relationshipGroupStarts, account));
                groups.Add(Group(index._crossByAccount, index._crossStarts, account));
            }

            foreach (var group in groups)
            {
                foreach (var r in group)
                {
                    if (_loaded[index._starts[r]] && _loaded[index._ends[r]])
                    {
                        relationships.Add(r);
                    }
                }
            }

            // A relationship between two concerned accounts is listed under both.
            relationships.Sort();
            _nodes.Sort();
            foreach (var node in _nodes)
            {
                records.Add(index.RecordOf(index._nodeRuns, node));
            }

            for (var i = 0; i < relationships.Count; i++)
            {
                if (i == 0 || relationships[i] != relationships[i - 1])
                {
                    records.Add(index.RecordOf(index._relationshipRuns, relationships[i]));
                }
            }

            records.Sort();
            var (at, offset) = (-1, 0L);
            foreach (var record in records)
            {
                // From the last record, or from the checkpoint before this one when that is nearer.
                if (at < 0 || record >> CheckpointShift != at >> CheckpointShift)
                {
                    (at, offset) = (record >> CheckpointShift << CheckpointShift, index._offsetCheckpoints[record >> CheckpointShift]);
                }

                for (; at < record; at++)
                {
                    offset += index.RecordLength(at);
                }

                var length = index.RecordLength(record);
                if (ranges.Count > 0 && ranges[^1].Offset + ranges[^1].Length == offset && ranges[^1].Length <= int.MaxValue - length)
                {
                    ranges[^1] = (ranges[^1].Offset, ranges[^1].Length + length);
                }
                else
                {
                    ranges.Add((offset, length));
                }
            }

            return ranges;
        }
    }

    /// <summary>The items of one group (an owner's nodes or relationships) of a grouped column.</summary>
    private static PackedInts.Slice Group(PackedInts grouped, int[] starts, int group) => grouped.Range(starts[group], starts[group + 1] - starts[group]);

    /// <summary>An account's relationships: its own, then those to another account.</summary>
    private IEnumerable<int> Touching(int account) =>
        Group(_relationshipsByOwner, _relationshipGroupStarts, account).Concat(Group(_crossByAccount, _crossStarts, account));

    /// <summary>The record of a node or relationship: its run's first record, plus its place in the run.</summary>
    private int RecordOf(List<(int FirstItem, int FirstRecord)> runs, int item)
    {
        var (low, high) = (0, runs.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (runs[middle].FirstItem <= item)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return runs[low].FirstRecord + item - runs[low].FirstItem;
    }

    /// <summary>A run of records of one kind starts where the previous record was of the other kind.</summary>
    private void NoteRun(List<(int FirstItem, int FirstRecord)> runs, int item, bool isNode)
    {
        var record = _recordLengths.Count;
        if (record == 0 || _lastRecordIsNode != isNode)
        {
            runs.Add((item, record));
        }

        _lastRecordIsNode = isNode;
    }

    /// <summary>A policy with a statement that may allow one of <see cref="DataActions"/> is marked as granting data.</summary>
    private void MarkGrantingPolicies()
    {
        for (var r = 0; r < _starts.Count; r++)
        {
            if (_kinds[r] == RelationshipKind.Statement && (_traits[_ends[r]] & NodeTraits.MayAllowData) != 0)
            {
                _traits[_starts[r]] |= NodeTraits.GrantsData;
            }
        }
    }

    /// <summary>
    /// Groups the nodes and relationships by owner (counting sorts, so each group keeps file order) and lists the
    /// cross-account and assume-role relationships.
    /// </summary>
    private void GroupByOwner()
    {
        var shared = _accounts.Count;
        (_nodesByOwner, _nodeGroupStarts) = CountingSort(_nodeCount, shared + 1, node => _owners[node] >= 0 ? _owners[node] : shared, _nodeCount);
        (_relationshipsByOwner, _relationshipGroupStarts) = CountingSort(_starts.Count, shared + 2, OwnerOf, _starts.Count);
        _assumeRoles = [.. Enumerable.Range(0, _starts.Count).Where(r => _kinds[r] == RelationshipKind.AssumeRole)];

        // A relationship between two accounts is listed under both: entry 2k for the k-th one's start, 2k + 1 its end.
        var cross = Enumerable.Range(0, _starts.Count).Where(r => OwnerOf(r) == shared + 1).ToArray();
        (_crossByAccount, _crossStarts) = CountingSort(
            cross.Length * 2, shared, entry => _owners[entry % 2 == 0 ? _starts[cross[entry / 2]] : _ends[cross[entry / 2]]], Math.Max(cross.Length * 2, _starts.Count));
        for (var at = 0; at < _crossByAccount.Count; at++)
        {
            _crossByAccount[at] = cross[_crossByAccount[at] / 2];
        }

        // An account's own relationships join its nodes or its node and a shared one; shared nodes' own come after
        // the accounts'; one between two accounts' nodes is a cross relationship (the group after that).
        int OwnerOf(int r)
        {
            var (from, to) = (_owners[_starts[r]], _owners[_ends[r]]);
            return from >= 0 && to >= 0 && from != to ? shared + 1 : from >= 0 ? from : to >= 0 ? to : shared;
        }
    }

    /// <summary>Item indices ordered by group (stably), and where each group starts (one more entry: the end); the
    /// sorted indices take the bits <paramref name="bound"/> needs, so they may be replaced by values below it.</summary>
    private static (PackedInts Sorted, int[] Starts) CountingSort(int count, int groups, Func<int, int> groupOf, int bound)
    {
        var starts = new int[groups + 1];
        for (var item = 0; item < count; item++)
        {
            starts[groupOf(item) + 1]++;
        }

        for (var group = 0; group < groups; group++)
        {
            starts[group + 1] += starts[group];
        }

        var sorted = new PackedInts(count, bound);
        var filled = starts[..^1];
        for (var item = 0; item < count; item++)
        {
            sorted[filled[groupOf(item)]++] = item;
        }

        return (sorted, starts);
    }

    /// <summary>The owners and kinds in the bits their values need; read with <see cref="Owner"/> and <see cref="Kind"/>.</summary>
    private void PackOwnersAndKinds()
    {
        _ownerCodes = PackedInts.From(_owners.Count, _accounts.Count + 2, node => _owners[node] + 2);
        _kindCodes = PackedInts.From(_kinds.Count, Enum.GetValues<RelationshipKind>().Length, r => (int)_kinds[r]);
        (_owners, _kinds) = (new(), new());
    }

    /// <summary>The account owning a node (its index in <see cref="Accounts"/>), or <see cref="Unowned"/> or <see cref="Shared"/>.</summary>
    private int Owner(int node) => _ownerCodes[node] - 2;

    private RelationshipKind Kind(int relationship) => (RelationshipKind)_kindCodes[relationship];

    /// <summary>The offset of every 64th record, so a record's offset is summed from at most 63 spans.</summary>
    private void PlaceCheckpoints()
    {
        _offsetCheckpoints = new long[(_packedLengths.Count >> CheckpointShift) + 1];
        var offset = _firstRecord;
        for (var record = 0; record < _packedLengths.Count; record++)
        {
            if ((record & ((1 << CheckpointShift) - 1)) == 0)
            {
                _offsetCheckpoints[record >> CheckpointShift] = offset;
            }

            offset += RecordLength(record);
        }
    }

    private int RecordLength(int record) => _packedLengths[record] is var length && length == _lengthMarker ? _longRecords[record] : length;

    /// <summary>
    /// Packs the records' lengths in the bits that make them smallest: each record takes that many bits, and each
    /// longer one (its length the marker, the largest value) an entry of about 24 bytes aside. Graphs whose lines are
    /// all under 1 KB (the synthetic organisations) take 10 bits a record instead of 16.
    /// </summary>
    private void PackLengths()
    {
        // How many records need each number of bits, up to 16 (a length kept aside already needs more).
        var needing = new long[18];
        for (var record = 0; record < _recordLengths.Count; record++)
        {
            var length = _recordLengths[record];
            needing[length == ushort.MaxValue ? 17 : BitOperations.Log2((uint)length + 1) + 1]++;
        }

        var (bits, cost) = (16, long.MaxValue);
        for (var candidate = 1; candidate <= 16; candidate++)
        {
            var aside = needing[(candidate + 1)..].Sum();
            var candidateCost = (long)_recordLengths.Count * candidate / 8 + aside * 24;
            if (candidateCost < cost)
            {
                (bits, cost) = (candidate, candidateCost);
            }
        }

        _packedLengths = new PackedInts(_recordLengths.Count, 1 << bits);
        _lengthMarker = (1 << bits) - 1;
        for (var record = 0; record < _recordLengths.Count; record++)
        {
            var length = _recordLengths[record];
            if (length < _lengthMarker)
            {
                _packedLengths[record] = length;
            }
            else
            {
                _packedLengths[record] = _lengthMarker;
                _longRecords.TryAdd(record, length);
            }
        }

        _recordLengths = new();
    }

    private void Scan(PooledLineReader lines, HashSet<string> wanted)
    {
        bool? jsonLines = null;
        var keyLookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = new char[256];
        while (lines.TryReadLine(out var line))
        {
            var trimmed = line.Trim(" \t\r"u8);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            jsonLines ??= trimmed[0] != (byte)'[';
            if (jsonLines == false)
            {
                Partitionable = false;
                return;
            }

            try
            {
                EndRecord(lines.LineOffset);
                ScanRecord(trimmed, keyLookup, ref chars);
            }
            catch (JsonException e)
            {
                throw new GraphFormatException(_path, lines.LineNumber, $"invalid JSON ({e.Message})", e);
            }
            catch (FormatException e)
            {
                throw new GraphFormatException(_path, lines.LineNumber, e.Message, e);
            }
        }
    }

    /// <summary>The previous record ends where the next one starts (or the file ends).</summary>
    private void EndRecord(long next)
    {
        if (_firstRecord < 0)
        {
            _firstRecord = next;
        }
        else
        {
            var length = checked((int)(next - _lastRecord));
            var last = _recordLengths.Count - 1;
            _recordLengths[last] = (ushort)Math.Min(length, ushort.MaxValue);
            if (length >= ushort.MaxValue)
            {
                _longRecords[last] = length;
            }
        }

        _lastRecord = next;
    }

    private void ScanRecord(ReadOnlySpan<byte> line, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> wanted, ref char[] chars)
    {
        var reader = new Utf8JsonReader(line);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "expected a JSON object");
        bool? isNode = null;
        var id = -1L;
        string? textId = null;
        var isAccount = false;
        var traits = NodeTraits.None;
        var (allows, mayGrant) = (false, false);
        var idLength = -1;
        _recordKeys.Clear();
        var kind = RelationshipKind.Other;
        (long Id, string? Text) start = (-1, null), end = (-1, null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isNode = reader.ValueTextEquals("node"u8) ? true : reader.ValueTextEquals("relationship"u8) ? false : throw new FormatException("\"type\" must be \"node\" or \"relationship\"");
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                (id, textId) = ReadId(ref reader);
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    isAccount |= reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("AWSAccount"u8);
                    traits |= reader.TokenType != JsonTokenType.String ? NodeTraits.None
                        : IsAnyOf(ref reader, ContributedLabels) ? NodeTraits.Identity
                        : IsAnyOf(ref reader, DataLabels) ? NodeTraits.Data
                        : NodeTraits.None;
                }
            }
            else if (reader.ValueTextEquals("label"u8))
            {
                reader.Read();
                kind = reader.ValueTextEquals("RESOURCE"u8) ? RelationshipKind.Resource
                    : reader.ValueTextEquals("STS_ASSUMEROLE_ALLOW"u8) || reader.ValueTextEquals("ASSUMES"u8) ? RelationshipKind.AssumeRole
                    : IsAnyOf(ref reader, DataAccessTypes) ? RelationshipKind.DataAccess
                    : reader.ValueTextEquals(TagType) ? RelationshipKind.Tagged
                    : reader.ValueTextEquals("POLICY"u8) ? RelationshipKind.Policy
                    : reader.ValueTextEquals("STATEMENT"u8) ? RelationshipKind.Statement
                    : RelationshipKind.Other;
            }
            else if (reader.ValueTextEquals("start"u8) || reader.ValueTextEquals("end"u8))
            {
                var isStart = reader.ValueTextEquals("start"u8);
                var endpoint = ReadEndpoint(ref reader);
                if (isStart)
                {
                    start = endpoint;
                }
                else
                {
                    end = endpoint;
                }
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("effect"u8))
                    {
                        reader.Read();
                        allows = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(Allow);
                        reader.Skip();
                        continue;
                    }

                    if (reader.ValueTextEquals("action"u8) || reader.ValueTextEquals("notaction"u8))
                    {
                        var isAction = reader.ValueTextEquals("action"u8);
                        reader.Read();
                        mayGrant |= isAction ? AnyActionMayGrantData(ref reader, ref chars) : AnyString(ref reader);
                        continue;
                    }

                    var isId = reader.ValueTextEquals("id"u8);
                    var isArn = !isId && reader.ValueTextEquals("arn"u8);
                    reader.Read();
                    if ((isId || isArn) && reader.TokenType == JsonTokenType.String)
                    {
                        if (chars.Length < reader.ValueSpan.Length)
                        {
                            chars = new char[reader.ValueSpan.Length];
                        }

                        var value = chars.AsSpan(0, reader.CopyString(chars));
                        if (isId)
                        {
                            // Kept as text only if the labels (which may come later) make the node an account.
                            if (_idProperty.Length < value.Length)
                            {
                                _idProperty = new char[value.Length];
                            }

                            value.CopyTo(_idProperty);
                            idLength = value.Length;
                        }

                        if (wanted.TryGetValue(value, out var key))
                        {
                            _recordKeys.Add((key, isId));
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (isNode == true)
        {
            var accountId = isAccount && idLength >= 0 ? new string(_idProperty, 0, idLength) : null;
            AddNode(id, textId ?? throw new FormatException("a node has no \"id\""), accountId, _recordKeys);
            _traits.Add(traits | (allows && mayGrant ? NodeTraits.MayAllowData : NodeTraits.None));
        }
        else if (isNode == false)
        {
            NoteRun(_relationshipRuns, _scannedStarts.Count, isNode: false);
            _recordLengths.Add(0);
            _scannedStarts.Add(NodeIndex(start));
            _scannedEnds.Add(NodeIndex(end));
            _kinds.Add(kind);
        }
        else
        {
            throw new FormatException("a record has no \"type\"");
        }
    }

    private void AddNode(long id, string textId, string? accountId, List<(string Key, bool IsId)> keys)
    {
        var node = _nodeCount++;
        if (id >= 0 && id < 2L * node + 1024)
        {
            while (_denseIds.Count <= id)
            {
                _denseIds.Add(-1);
            }

            _denseIds[(int)id] = node;
        }
        else if (id >= 0)
        {
            _numericIds[id] = node;
        }
        else
        {
            _otherIds[textId] = node;
        }

        NoteRun(_nodeRuns, node, isNode: true);
        _recordLengths.Add(0);
        if (accountId is not null && !_accounts.Contains(accountId))
        {
            _owners.Add(_accounts.Count);
            _accounts.Add(accountId);
            _accountNodes.Add(node);
        }
        else
        {
            _owners.Add(Unowned);
        }

        foreach (var (key, isId) in keys)
        {
            (isId ? _nodesById : _nodesByArn).TryAdd(key, node);
        }
    }

    private int NodeIndex((long Id, string? Text) endpoint)
    {
        var node = -1;
        var found = endpoint.Id >= 0
            ? (endpoint.Id < _denseIds.Count && (node = _denseIds[(int)endpoint.Id]) >= 0) || _numericIds.TryGetValue(endpoint.Id, out node)
            : _otherIds.TryGetValue(endpoint.Text ?? throw new FormatException("a relationship has no start or end id"), out node);
        return found ? node : throw new FormatException($"relationship refers to unknown node id \"{(endpoint.Id >= 0 ? endpoint.Id : endpoint.Text)}\"");
    }

    /// <summary>A node id: small non-negative integers (what APOC writes) kept as numbers, anything else as text.</summary>
    private static (long Id, string Text) ReadId(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType is JsonTokenType.String or JsonTokenType.Number, "\"id\" must be a string");
        var raw = reader.ValueSpan;
        var canonical = raw.Length is > 0 and < 18 && (raw[0] != (byte)'0' || raw.Length == 1);
        if (!reader.ValueIsEscaped && canonical && Utf8Parser.TryParse(raw, out long number, out var consumed) && consumed == raw.Length && number >= 0)
        {
            return (number, string.Empty);
        }

        return (-1, reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(raw));
    }

    private static (long Id, string? Text) ReadEndpoint(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.StartObject, "a relationship's start and end must be objects");
        (long, string?) id = (-1, null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId)
            {
                id = ReadId(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return id;
    }

    /// <summary>Whether a statement's action (one string or a list) has a pattern that may grant one of <see cref="DataActions"/>; leaves the reader on its last token.</summary>
    private static bool AnyActionMayGrantData(ref Utf8JsonReader reader, ref char[] chars)
    {
        var found = false;
        var list = reader.TokenType == JsonTokenType.StartArray;
        while (!list || (reader.Read() && reader.TokenType != JsonTokenType.EndArray))
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (chars.Length < reader.ValueSpan.Length)
                {
                    chars = new char[reader.ValueSpan.Length];
                }

                found |= DataActions.MayBeGrantedBy(chars.AsSpan(0, reader.CopyString(chars)));
            }
            else
            {
                reader.Skip();
            }

            if (!list)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Whether a value is a string or a list holding one (a statement's NotAction); leaves the reader on its last token.</summary>
    private static bool AnyString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var isString = reader.TokenType == JsonTokenType.String;
            reader.Skip();
            return isString;
        }

        var found = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            found |= reader.TokenType == JsonTokenType.String;
            reader.Skip();
        }

        return found;
    }

    private static bool IsAnyOf(ref Utf8JsonReader reader, byte[][] values)
    {
        foreach (var value in values)
        {
            if (reader.ValueTextEquals(value))
            {
                return true;
            }
        }

        return false;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new FormatException(message);
        }
    }

    /// <summary>Packs the records' lengths and the relationships' ends and drops what only the scan needs: the index
    /// lives under every account's analysis, so what it holds adds to each account's peak.</summary>
    private void ReleaseScanState()
    {
        PackLengths();
        (_starts, _ends) = (PackedInts.From(_scannedStarts.Count, _nodeCount, r => _scannedStarts[r]), PackedInts.From(_scannedEnds.Count, _nodeCount, r => _scannedEnds[r]));
        (_scannedStarts, _scannedEnds) = (new(), new());
        _denseIds = new();
        _numericIds.Clear();
        _numericIds.TrimExcess();
        _otherIds.Clear();
        _otherIds.TrimExcess();
    }

    /// <summary>Owners by <c>RESOURCE</c> edges, then the unowned nodes' single connected account, else shared.</summary>
    private void AssignOwners()
    {
        var direct = new int[_owners.Count];
        Array.Fill(direct, Unowned);
        for (var r = 0; r < _starts.Count; r++)
        {
            var account = _owners[_starts[r]];
            if (_kinds[r] == RelationshipKind.Resource && account >= 0 && _accountNodes[account] == _starts[r] && _owners[_ends[r]] == Unowned)
            {
                var end = _ends[r];
                direct[end] = direct[end] == Unowned || direct[end] == account ? account : Shared;
            }
        }

        var propagated = new bool[_owners.Count];
        for (var n = 0; n < _owners.Count; n++)
        {
            if (_owners[n] == Unowned)
            {
                _owners[n] = direct[n];
                propagated[n] = direct[n] == Unowned;
            }
        }

        // Unowned nodes take the account of what they connect to, through other unowned nodes; two accounts make them shared.
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < _starts.Count; r++)
            {
                changed |= Spread(_starts[r], _ends[r], propagated) | Spread(_ends[r], _starts[r], propagated);
            }
        }
    }

    private bool Spread(int from, int to, bool[] propagated)
    {
        var source = _owners[from];
        if (!propagated[to] || source < 0 || _owners[to] == source || _owners[to] == Shared)
        {
            return false;
        }

        _owners[to] = _owners[to] == Unowned ? source : Shared;
        return true;
    }

    /// <summary>Reads the given byte ranges of a file (whole lines with their terminators) one after the other, as one stream.</summary>
    private sealed class LineRangeStream(FileStream file, IReadOnlyList<(long Offset, int Length)> ranges) : Stream
    {
        private int _range;
        private int _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_range < ranges.Count && _done == ranges[_range].Length)
            {
                _range++;
                _done = 0;
            }

            if (_range >= ranges.Count || buffer.IsEmpty)
            {
                return 0;
            }

            var (start, length) = ranges[_range];
            if (file.Position != start + _done)
            {
                file.Position = start + _done;
            }

            var read = file.Read(buffer[..Math.Min(buffer.Length, length - _done)]);
            if (read == 0)
            {
                throw new IOException("the graph file changed while it was read");
            }

            _done += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
