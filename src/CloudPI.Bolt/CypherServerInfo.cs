namespace CloudPI.Bolt;

/// <summary>The server a client is connected to: address, agent (e.g. "Neo4j/5.20.0") and negotiated Bolt version.</summary>
public sealed record CypherServerInfo(string Address, string Agent, string ProtocolVersion, string? ConnectionId);
