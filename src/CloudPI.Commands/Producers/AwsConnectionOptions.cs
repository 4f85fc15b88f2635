using System.CommandLine;
using Amazon;
using CloudPI.Aws;
using CloudPI.AwsConfig;

namespace CloudPI.Commands.Producers;

/// <summary>
/// How to reach AWS Config: the standard credential chain or a profile, an optional role to assume, the regions and
/// an endpoint override (besides AWS_ENDPOINT_URL_CONFIG_SERVICE and AWS_ENDPOINT_URL, which the client honours).
/// </summary>
internal sealed class AwsConnectionOptions
{
    public Option<string?> Regions { get; } = new("--regions", "--region")
    {
        Description = "Comma-separated regions, or 'all' (the regions enabled for the account, from EC2 DescribeRegions); default: the configured region (AWS_REGION, the profile).",
    };

    /// <summary>Optional for 'all': without it every region the SDK knows is read, and those the account has not enabled fail one by one.</summary>
    public static readonly OptionalLookup EnabledRegions = new(
        "ec2:DescribeRegions", "--regions all reads every region the SDK knows, so each opt-in region the account has not enabled fails and the run is partial");

    public Option<string?> Profile { get; } = new("--profile") { Description = "AWS profile (default: the standard chain, which honours AWS_PROFILE)." };

    public Option<string?> RoleArn { get; } = new("--role-arn") { Description = "Role to assume with the resolved credentials (cross-account)." };

    public Option<string?> ExternalId { get; } = new("--external-id") { Description = "sts:ExternalId the role's trust policy requires." };

    public Option<string?> RoleSessionName { get; } = new("--role-session-name") { Description = "Session name of the assumed role (default cloudpi-<unix time>)." };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "AWS Config endpoint (moto, LocalStack, a VPC endpoint); requests stay signed for the region.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Regions);
        command.Options.Add(Profile);
        command.Options.Add(RoleArn);
        command.Options.Add(ExternalId);
        command.Options.Add(RoleSessionName);
        command.Options.Add(EndpointUrl);
    }

    /// <summary>The connection the flags describe; an empty value (<c>--role-arn=</c>, as pipeline tasks pass every param) means "not set".</summary>
    public AwsConnectionSettings Resolve(ParseResult parseResult) => new()
    {
        Regions = Given(parseResult.GetValue(Regions)),
        Profile = Given(parseResult.GetValue(Profile)),
        RoleArn = Given(parseResult.GetValue(RoleArn)),
        ExternalId = Given(parseResult.GetValue(ExternalId)),
        RoleSessionName = Given(parseResult.GetValue(RoleSessionName)),
        EndpointUrl = EndpointUri(parseResult.GetValue(EndpointUrl)),
    };

    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The single region the settings name, for offline ARNs; null when absent.</summary>
    public static string? SingleRegion(AwsConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var value = settings.Regions;
        if (value is null)
        {
            return null;
        }

        return value.Contains(',', StringComparison.Ordinal) || AwsRegions.IsAll(value)
            ? throw new UsageException("with -in, --region names the one region the results come from")
            : value;
    }

    public static async Task<AwsConnection> ConnectAsync(AwsConnectionSettings settings, OptionalLookups lookups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lookups);
        var regions = settings.Regions;
        AwsSession session;
        try
        {
            session = await AwsSession.CreateAsync(
                new AwsSessionOptions
                {
                    Profile = settings.Profile,
                    Region = HomeRegion(regions),
                    RoleArn = settings.RoleArn,
                    ExternalId = settings.ExternalId,
                    RoleSessionName = settings.RoleSessionName,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException error)
        {
            throw new UsageException(error.Message); // no region, unknown profile
        }

        var regionEndpoints = AwsRegions.IsAll(regions)
            ? await lookups.TryAsync(EnabledRegions, session.Region.SystemName, () => AwsRegions.ListEnabledAsync(session.Credentials, session.Region, cancellationToken)).ConfigureAwait(false)
                ?? AwsRegions.KnownToSdk(session.Region)
            : AwsRegions.Parse(regions, session.Region);
        var clients = regionEndpoints
            .Select(region => new AwsConfigClient(new AwsConfigClientOptions { Credentials = session.Credentials, Region = region, EndpointUrl = settings.EndpointUrl }))
            .ToList();
        return new AwsConnection(session, clients);
    }

    /// <summary>The first listed region is the home region (STS, the aggregator); with 'all' or nothing, the configured one.</summary>
    private static string? HomeRegion(string? regions)
    {
        var first = regions?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || AwsRegions.IsAll(first) ? null : first;
    }

    private static Uri? EndpointUri(string? value) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new UsageException($"--endpoint-url '{value}' is not an http(s) URL");
}

/// <summary>How one run reaches AWS Config; null members take the standard chain's and the SDK's defaults.</summary>
public sealed record AwsConnectionSettings
{
    /// <summary>Comma-separated regions or 'all'; the first is the home region.</summary>
    public string? Regions { get; init; }

    public string? Profile { get; init; }

    public string? RoleArn { get; init; }

    public string? ExternalId { get; init; }

    public string? RoleSessionName { get; init; }

    public Uri? EndpointUrl { get; init; }
}

/// <summary>The resolved session and one Config client per region (disposed with the connection).</summary>
internal sealed class AwsConnection(AwsSession session, IReadOnlyList<AwsConfigClient> clients) : IDisposable
{
    public AwsSession Session { get; } = session;

    public IReadOnlyList<AwsConfigClient> Clients { get; } = clients;

    public RegionEndpoint HomeRegion => Session.Region;

    /// <summary>The client of the home region, or the first one: where the aggregator is read.</summary>
    public AwsConfigClient HomeClient => Clients.FirstOrDefault(c => c.Region == HomeRegion.SystemName) ?? Clients[0];

    public void Dispose()
    {
        foreach (var client in Clients)
        {
            client.Dispose();
        }
    }
}
