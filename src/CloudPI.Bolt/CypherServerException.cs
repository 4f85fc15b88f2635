namespace CloudPI.Bolt;

/// <summary>The server answered a request with FAILURE; <see cref="Code"/> is its status code (e.g. Neo.ClientError.Statement.SyntaxError).</summary>
public class CypherServerException : Exception
{
    public CypherServerException(string code, string message)
        : base($"{code}: {message}")
    {
        Code = code;
        ServerMessage = message;
    }

    protected CypherServerException(string code, string serverMessage, string message)
        : base(message)
    {
        Code = code;
        ServerMessage = serverMessage;
    }

    public string Code { get; }

    public string ServerMessage { get; }

    /// <summary>Neo.TransientError.* failures may succeed when the same request is sent again.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}

/// <summary>The server refused the credentials (Neo.ClientError.Security.*); never retried. The message never holds the password.</summary>
public sealed class BoltAuthenticationException : CypherServerException
{
    public BoltAuthenticationException(string code, string serverMessage, string? user, string address)
        : base(code, serverMessage, $"Neo4j at {address} refused authentication for user '{user ?? "(none)"}' ({code}): {serverMessage}")
    {
    }
}
