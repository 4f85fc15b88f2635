using System.CommandLine;
using CloudPI.Bolt;

namespace CloudPI.Commands.Graph;

/// <summary>
/// How to reach Neo4j, with Cartography's flag names so the same values work for both tools. The password only ever
/// comes from the environment variable named by <c>--neo4j-password-env-var</c>, never from the command line.
/// </summary>
internal sealed class Neo4jOptions
{
    public Option<string?> Uri { get; } = new("--neo4j-uri")
    {
        Description = "Neo4j address: bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// (neo4j:// connects directly to the given server, no cluster routing).",
    };

    public Option<string?> User { get; } = new("--neo4j-user") { Description = "Neo4j user (basic auth); omit for a server without auth." };

    public Option<string?> PasswordEnvVar { get; } = new("--neo4j-password-env-var")
    {
        Description = "Name of the environment variable holding the Neo4j password (required with --neo4j-user).",
    };

    public Option<string?> Database { get; } = new("--database", "--neo4j-database") { Description = "Neo4j database (default: the server's default)." };

    public Option<int> TimeoutSeconds { get; } = new("--neo4j-timeout")
    {
        Description = "Seconds to wait for a connection, and for each record of a result (keep-alives do not extend it).",
        DefaultValueFactory = _ => 30,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Uri);
        command.Options.Add(User);
        command.Options.Add(PasswordEnvVar);
        command.Options.Add(Database);
        command.Options.Add(TimeoutSeconds);
    }

    private static BoltCredentials Credentials(string user, string passwordVariable)
    {
        try
        {
            return BoltCredentials.FromEnvironment(user, passwordVariable);
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    public bool IsGiven(ParseResult parseResult) => parseResult.GetValue(Uri) is not null;

    /// <summary>Whether any Neo4j flag was given explicitly (a user, a database without a URI is still an attempt to use Neo4j).</summary>
    public bool AnyGiven(ParseResult parseResult) =>
        IsGiven(parseResult) || parseResult.GetValue(User) is not null || parseResult.GetValue(PasswordEnvVar) is not null
        || parseResult.GetValue(Database) is not null || parseResult.GetResult(TimeoutSeconds) is { Implicit: false };

    public BoltClientOptions Resolve(ParseResult parseResult)
    {
        var text = parseResult.GetValue(Uri) ?? throw new UsageException("--neo4j-uri is required");
        if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new UsageException($"--neo4j-uri '{text}' is not a URI like bolt://host:7687");
        }

        string[] schemes = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];
        if (!schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            // http(s)://host:7474 is Neo4j's browser port, not the Bolt protocol.
            throw new UsageException($"--neo4j-uri scheme '{uri.Scheme}' is not Bolt: use {string.Join(", ", schemes)} (port 7687, not the browser's 7474)");
        }

        var user = parseResult.GetValue(User);
        var passwordVariable = parseResult.GetValue(PasswordEnvVar);
        if (user is null && passwordVariable is not null)
        {
            throw new UsageException("--neo4j-password-env-var needs --neo4j-user");
        }

        if (user is not null && passwordVariable is null)
        {
            throw new UsageException("--neo4j-user needs --neo4j-password-env-var naming the variable that holds the password");
        }

        var seconds = parseResult.GetValue(TimeoutSeconds);
        if (seconds < 1)
        {
            throw new UsageException($"--neo4j-timeout must be at least 1 second (got {seconds})");
        }

        var timeout = TimeSpan.FromSeconds(seconds);
        return new BoltClientOptions
        {
            Uri = uri,
            Credentials = user is null ? null : Credentials(user, passwordVariable!),
            Database = parseResult.GetValue(Database),
            ConnectTimeout = timeout,
            ReadTimeout = timeout,
            MessageTimeout = timeout,
        };
    }
}
