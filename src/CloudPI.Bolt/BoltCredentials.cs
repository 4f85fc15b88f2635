namespace CloudPI.Bolt;

/// <summary>Basic-auth credentials. <see cref="ToString"/> never shows the password.</summary>
public sealed record BoltCredentials(string User, string Password)
{
    /// <summary>
    /// Takes the password from the environment variable the caller names (Cartography's --neo4j-password-env-var
    /// convention), so it never appears on a command line.
    /// </summary>
    public static BoltCredentials FromEnvironment(string user, string passwordEnvVar)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(passwordEnvVar);
        var password = Environment.GetEnvironmentVariable(passwordEnvVar);
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException(
                $"The Neo4j password for user '{user}' is read from the environment variable '{passwordEnvVar}', which is not set or empty.");
        }

        return new BoltCredentials(user, password);
    }

    public override string ToString() => $"BoltCredentials {{ User = {User}, Password = *** }}";
}
