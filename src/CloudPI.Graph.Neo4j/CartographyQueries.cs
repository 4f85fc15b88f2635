namespace CloudPI.Graph.Neo4j;

/// <summary>
/// The queries that pull the Cartography AWS graph into memory. Two passes, nodes then relationships, so the
/// in-memory builder always knows both ends of a relationship. All are parameterised:
/// <c>$labels</c> (the node labels the analyses read), <c>$accounts</c> (account ids, or null for every account).
/// Nodes owned by no account (policy statements, tags, IP ranges, managed policies) are shared and always loaded.
/// Neo4j 4.4 has no <c>elementId()</c>, so each query that returns ids has a 4.4 variant using the numeric id.
/// </summary>
/// <remarks>
/// An organisation is also loaded one account at a time (<see cref="AccountNodes"/>, <see cref="AccountRelationships"/>):
/// <c>$account</c> is the account, <c>$assumed</c> the accounts whose roles its principals can assume, directly or along
/// a chain (<see cref="AssumeRoleAccounts"/>), <c>$assumedLabels</c> the labels of the nodes an assumed account
/// contributes (<see cref="Cartography.AssumedAccount"/>: identity, not compute or network), and
/// <c>$assumedDataLabels</c> those it contributes only when it is one of <c>$assumedWithData</c>, the assumed accounts
/// whose data a role the account may reach may reach by policy (<see cref="AssumedDataAccounts"/>). The scope is found
/// by walking out from those accounts' nodes, never by scanning the organisation.
/// </remarks>
public static class CartographyQueries
{
    private const string NodeFilter = """
        MATCH (n)
        WHERE any(label IN labels(n) WHERE label IN $labels)
          AND ($accounts IS NULL
               OR (n:AWSAccount AND n.id IN $accounts)
               OR EXISTS { MATCH (owner:AWSAccount)-[:RESOURCE]->(n) WHERE owner.id IN $accounts }
               OR NOT EXISTS { MATCH (:AWSAccount)-[:RESOURCE]->(n) })
        """;

    private const string RelationshipFilter = """
        MATCH (s)-[r]->(t)
        WHERE any(label IN labels(s) WHERE label IN $labels)
          AND any(label IN labels(t) WHERE label IN $labels)
        """;

    /// <summary>
    /// One account's scope, as rows of <c>n</c>: the account and the accounts it can assume into, its nodes (by
    /// <c>RESOURCE</c>) and the part of theirs a blast radius walks through (<c>$assumedLabels</c>, <c>$assumedDataLabels</c>
    /// for those of <c>$assumedWithData</c>, what their principals' data-access edges point at), the nodes no account owns within two hops of those through other such
    /// nodes (rules' IP ranges, a policy's statements, a bucket's tags), and across any edge to a node of another
    /// account not otherwise loaded that node and its account. The second hop starts from each distinct ownerless node
    /// once, so a hub such as 0.0.0.0/0 is walked once per account, not once per rule that names it.
    /// </summary>
    private const string AccountScope = """
        MATCH (account:AWSAccount)
        WHERE account.id = $account OR account.id IN $assumed
        OPTIONAL MATCH (account)-[:RESOURCE]->(resource)
        WHERE account.id = $account
           OR any(label IN labels(resource) WHERE label IN $assumedLabels OR (label IN $assumedDataLabels AND account.id IN $assumedWithData))
           OR EXISTS { MATCH (account)-[:RESOURCE]->(principal)-[:CAN_READ|CAN_WRITE|GET_SECRET|CAN_QUERY|CAN_ADMINISTER]->(resource)
                       WHERE any(label IN labels(principal) WHERE label IN $assumedLabels) }
        WITH account, collect(resource) AS resources
        UNWIND [account] + resources AS o
        WITH o, account.id AS owner
        WITH o,
             [(o)--(near) WHERE NOT near:AWSAccount AND NOT EXISTS { MATCH (:AWSAccount)-[:RESOURCE]->(near) } | near] AS nearby,
             [(o)--(far)<-[:RESOURCE]-(other:AWSAccount)
                 WHERE other.id <> owner AND other.id <> $account
                   AND NOT (other.id IN $assumed
                            AND any(label IN labels(far) WHERE label IN $assumedLabels OR (label IN $assumedDataLabels AND other.id IN $assumedWithData))) | [far, other]] AS across
        UNWIND [o] + nearby + reduce(ends = [], pair IN across | ends + pair) AS reached
        WITH DISTINCT reached
        WITH reached,
             CASE WHEN reached:AWSAccount OR EXISTS { MATCH (:AWSAccount)-[:RESOURCE]->(reached) } THEN []
                  ELSE [(reached)--(further) WHERE NOT further:AWSAccount AND NOT EXISTS { MATCH (:AWSAccount)-[:RESOURCE]->(further) } | further]
             END AS beyond
        UNWIND [reached] + beyond AS n
        WITH DISTINCT n
        WHERE any(label IN labels(n) WHERE label IN $labels)
        """;

    /// <summary>
    /// The relationships of the scope's nodes: out of a node the account or an account it assumes owns; out of any
    /// other node only into the account's nodes, an assumed account's contributed nodes (as above) or nodes no
    /// account owns (not a shared IP range's edges to every account's rules); and into a node from an account node.
    /// Relationships whose other end is outside the scope are dropped by the loader.
    /// </summary>
    private const string AccountScopeRelationships = AccountScope + """

        OPTIONAL MATCH (n)-[out]->(t)
        WHERE NOT n:AWSAccount
          AND (EXISTS { MATCH (mine:AWSAccount)-[:RESOURCE]->(n) WHERE mine.id = $account OR mine.id IN $assumed }
               OR NOT EXISTS { MATCH (other:AWSAccount)-[:RESOURCE]->(t)
                               WHERE other.id <> $account
                                 AND NOT (other.id IN $assumed
                                          AND any(label IN labels(t) WHERE label IN $assumedLabels OR (label IN $assumedDataLabels AND other.id IN $assumedWithData))) })
        WITH n, collect(out) AS outgoing
        OPTIONAL MATCH (n)<-[owning]-(:AWSAccount)
        WITH outgoing, collect(owning) AS incoming
        UNWIND outgoing + incoming AS r
        WITH r, startNode(r) AS s, endNode(r) AS t
        """;

    // What the loader reads back: ids (elementId, or the numeric id on 4.4), labels or type and ends, properties.
    private const string NodeColumns = "\nRETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties";
    private const string NodeColumns44 = "\nRETURN toString(id(n)) AS id, labels(n) AS labels, properties(n) AS properties";
    private const string RelationshipColumns = "\nRETURN elementId(r) AS id, type(r) AS type, elementId(s) AS start, elementId(t) AS end, properties(r) AS properties";
    private const string RelationshipColumns44 = "\nRETURN toString(id(r)) AS id, type(r) AS type, toString(id(s)) AS start, toString(id(t)) AS end, properties(r) AS properties";

    public static CypherQuery Nodes { get; } = new("cartography-nodes", NodeFilter + NodeColumns);

    public static CypherQuery NodesNeo4j44 { get; } = new("cartography-nodes-4.4", NodeFilter + NodeColumns44);

    public static CypherQuery Relationships { get; } = new("cartography-relationships", RelationshipFilter + RelationshipColumns);

    public static CypherQuery RelationshipsNeo4j44 { get; } = new("cartography-relationships-4.4", RelationshipFilter + RelationshipColumns44);

    /// <summary>One account's scope (<c>$account</c>, <c>$assumed</c>, <c>$labels</c>): its nodes.</summary>
    public static CypherQuery AccountNodes { get; } = new("cartography-account-nodes", AccountScope + NodeColumns);

    public static CypherQuery AccountNodesNeo4j44 { get; } = new("cartography-account-nodes-4.4", AccountScope + NodeColumns44);

    /// <summary>One account's scope: the relationships of its nodes (those leaving the scope are dropped by the loader).</summary>
    public static CypherQuery AccountRelationships { get; } = new("cartography-account-relationships", AccountScopeRelationships + RelationshipColumns);

    public static CypherQuery AccountRelationshipsNeo4j44 { get; } = new("cartography-account-relationships-4.4", AccountScopeRelationships + RelationshipColumns44);

    /// <summary>
    /// The nodes whose <c>id</c> or <c>arn</c> is one of <c>$keys</c> (issue targets), with the accounts owning them:
    /// which account each issue belongs to. One pass over the nodes, returning only the matches.
    /// </summary>
    public static CypherQuery KeyOwners { get; } = new(
        "cartography-key-owners",
        """
        MATCH (n)
        WHERE (n.id IN $keys OR n.arn IN $keys)
          AND any(label IN labels(n) WHERE label IN $labels)
        RETURN n.id AS id, n.arn AS arn, n:AWSAccount AS account, [(owner:AWSAccount)-[:RESOURCE]->(n) | owner.id] AS owners
        """);

    /// <summary>Which accounts' principals may assume roles in which other accounts: one row per pair of accounts.</summary>
    public static CypherQuery AssumeRoleAccounts { get; } = new(
        "cartography-assume-role-accounts",
        """
        MATCH (source:AWSAccount)-[:RESOURCE]->()-[:STS_ASSUMEROLE_ALLOW|ASSUMES]->()<-[:RESOURCE]-(target:AWSAccount)
        WHERE source <> target
        RETURN DISTINCT source.id AS source, target.id AS target
        """);

    /// <summary>
    /// Which of the accounts in <c>$assumed</c> have a principal that a node of <c>$account</c> may reach along
    /// assume-role edges and whose policy has a statement that may allow one of <c>$dataActions</c> (lower-cased
    /// <see cref="Cartography.DataActions"/>, matched as they say: an Allow statement with a NotAction, or an action
    /// pattern that is one of them or, lower-cased, starts before its first wildcard like one of them). Their S3 buckets
    /// and KMS keys join the account's scope. A statement's action may be stored as one string or a list.
    /// </summary>
    public static CypherQuery AssumedDataAccounts { get; } = new(
        "cartography-assumed-data-accounts",
        """
        MATCH (target:AWSAccount)-[:RESOURCE]->(principal)-[:POLICY]->()-[:STATEMENT]->(statement)
        WHERE target.id IN $assumed
          AND statement.effect = 'Allow'
          AND (size([] + coalesce(statement.notaction, [])) > 0
               OR any(action IN [] + coalesce(statement.action, []) WHERE
                      any(granted IN $dataActions WHERE
                          granted = toLower(action)
                          OR ((action CONTAINS '*' OR action CONTAINS '?')
                              AND granted STARTS WITH split(split(toLower(action), '*')[0], '?')[0]))))
          AND EXISTS { MATCH (origin:AWSAccount)-[:RESOURCE]->()-[:STS_ASSUMEROLE_ALLOW|ASSUMES*]->(principal) WHERE origin.id = $account }
        RETURN DISTINCT target.id AS account
        """);

    /// <summary>A user's first connectivity check: what the server and database are.</summary>
    public static CypherQuery AccountSummary { get; } = new(
        "cartography-accounts",
        "MATCH (a:AWSAccount) RETURN a.id AS account, a.name AS name, a.inscope AS inscope, a.lastupdated AS lastupdated ORDER BY account");

    public static IReadOnlyList<CypherQuery> All { get; } =
        [Nodes, NodesNeo4j44, Relationships, RelationshipsNeo4j44, AccountNodes, AccountNodesNeo4j44, AccountRelationships, AccountRelationshipsNeo4j44, KeyOwners, AssumeRoleAccounts, AssumedDataAccounts, AccountSummary];
}
