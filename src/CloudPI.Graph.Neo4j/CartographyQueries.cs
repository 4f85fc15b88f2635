namespace CloudPI.Graph.Neo4j;

/// <summary>
/// The queries that pull the Cartography AWS graph into memory. Two passes, nodes then relationships, so the
/// in-memory builder always knows both ends of a relationship. Both are parameterised:
/// <c>$labels</c> (the node labels the analyses read), <c>$accounts</c> (account ids, or null for every account).
/// Nodes owned by no account (policy statements, tags, IP ranges, managed policies) are shared and always loaded.
/// Neo4j 4.4 has no <c>elementId()</c>, so each query has a 4.4 variant using the numeric id.
/// </summary>
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

    public static CypherQuery Nodes { get; } = new(
        "cartography-nodes",
        NodeFilter + "\nRETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties");

    public static CypherQuery NodesNeo4j44 { get; } = new(
        "cartography-nodes-4.4",
        NodeFilter + "\nRETURN toString(id(n)) AS id, labels(n) AS labels, properties(n) AS properties");

    public static CypherQuery Relationships { get; } = new(
        "cartography-relationships",
        RelationshipFilter + "\nRETURN elementId(r) AS id, type(r) AS type, elementId(s) AS start, elementId(t) AS end, properties(r) AS properties");

    public static CypherQuery RelationshipsNeo4j44 { get; } = new(
        "cartography-relationships-4.4",
        RelationshipFilter + "\nRETURN toString(id(r)) AS id, type(r) AS type, toString(id(s)) AS start, toString(id(t)) AS end, properties(r) AS properties");

    /// <summary>A user's first connectivity check: what the server and database are.</summary>
    public static CypherQuery AccountSummary { get; } = new(
        "cartography-accounts",
        "MATCH (a:AWSAccount) RETURN a.id AS account, a.name AS name, a.inscope AS inscope, a.lastupdated AS lastupdated ORDER BY account");

    public static IReadOnlyList<CypherQuery> All { get; } =
        [Nodes, NodesNeo4j44, Relationships, RelationshipsNeo4j44, AccountSummary];
}
