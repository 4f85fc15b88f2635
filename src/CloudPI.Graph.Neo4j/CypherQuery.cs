namespace CloudPI.Graph.Neo4j;

/// <summary>A named, parameterised Cypher query CloudPI sends; every one of them is checked by Neo4j's Cypher linter in the tests.</summary>
public sealed record CypherQuery(string Name, string Text);
