using System.Text.Json.Serialization;

namespace CloudPI.Aws;

// BatchGetResourceConfig is camelCase on the wire: hence the explicit JSON names.

public sealed record ResourceKey
{
    [JsonPropertyName("resourceType")]
    public required string ResourceType { get; init; }

    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }
}

public sealed record BaseConfigurationItem
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("configurationItemCaptureTime")]
    public DateTimeOffset? ConfigurationItemCaptureTime { get; init; }

    [JsonPropertyName("configurationItemStatus")]
    public string? ConfigurationItemStatus { get; init; }

    [JsonPropertyName("configurationStateId")]
    public string? ConfigurationStateId { get; init; }

    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; init; }

    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; init; }

    [JsonPropertyName("resourceName")]
    public string? ResourceName { get; init; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    [JsonPropertyName("availabilityZone")]
    public string? AvailabilityZone { get; init; }

    [JsonPropertyName("resourceCreationTime")]
    public DateTimeOffset? ResourceCreationTime { get; init; }

    /// <summary>A string holding the resource's configuration as JSON.</summary>
    [JsonPropertyName("configuration")]
    public string? Configuration { get; init; }

    [JsonPropertyName("supplementaryConfiguration")]
    public IReadOnlyDictionary<string, string>? SupplementaryConfiguration { get; init; }

    [JsonPropertyName("recordingFrequency")]
    public string? RecordingFrequency { get; init; }

    [JsonPropertyName("configurationItemDeliveryTime")]
    public DateTimeOffset? ConfigurationItemDeliveryTime { get; init; }
}

public sealed record BatchGetResourceConfigRequest
{
    /// <summary>1 to 100 keys.</summary>
    [JsonPropertyName("resourceKeys")]
    public required IReadOnlyList<ResourceKey> ResourceKeys { get; init; }
}

public sealed record BatchGetResourceConfigResponse
{
    [JsonPropertyName("baseConfigurationItems")]
    public IReadOnlyList<BaseConfigurationItem> BaseConfigurationItems { get; init; } = [];

    /// <summary>Keys the service did not get to: send them again.</summary>
    [JsonPropertyName("unprocessedResourceKeys")]
    public IReadOnlyList<ResourceKey> UnprocessedResourceKeys { get; init; } = [];
}
