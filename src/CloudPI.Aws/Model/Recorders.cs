using System.Text.Json.Serialization;

namespace CloudPI.Aws;

// The recorder shapes are camelCase on the wire, unlike the rest of the API: hence the explicit JSON names.

public sealed record ConfigurationRecorder
{
    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("roleARN")]
    public string? RoleArn { get; init; }

    [JsonPropertyName("recordingGroup")]
    public RecordingGroup? RecordingGroup { get; init; }

    [JsonPropertyName("recordingMode")]
    public RecordingMode? RecordingMode { get; init; }

    [JsonPropertyName("recordingScope")]
    public string? RecordingScope { get; init; }

    [JsonPropertyName("servicePrincipal")]
    public string? ServicePrincipal { get; init; }
}

public sealed record RecordingGroup
{
    [JsonPropertyName("allSupported")]
    public bool? AllSupported { get; init; }

    [JsonPropertyName("includeGlobalResourceTypes")]
    public bool? IncludeGlobalResourceTypes { get; init; }

    [JsonPropertyName("resourceTypes")]
    public IReadOnlyList<string>? ResourceTypes { get; init; }

    [JsonPropertyName("exclusionByResourceTypes")]
    public ExclusionByResourceTypes? ExclusionByResourceTypes { get; init; }

    [JsonPropertyName("recordingStrategy")]
    public RecordingStrategy? RecordingStrategy { get; init; }
}

public sealed record ExclusionByResourceTypes
{
    [JsonPropertyName("resourceTypes")]
    public IReadOnlyList<string>? ResourceTypes { get; init; }
}

public sealed record RecordingStrategy
{
    [JsonPropertyName("useOnly")]
    public string? UseOnly { get; init; }
}

public sealed record RecordingMode
{
    /// <summary>CONTINUOUS or DAILY.</summary>
    [JsonPropertyName("recordingFrequency")]
    public string? RecordingFrequency { get; init; }

    [JsonPropertyName("recordingModeOverrides")]
    public IReadOnlyList<RecordingModeOverride>? RecordingModeOverrides { get; init; }
}

public sealed record RecordingModeOverride
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("resourceTypes")]
    public IReadOnlyList<string>? ResourceTypes { get; init; }

    [JsonPropertyName("recordingFrequency")]
    public string? RecordingFrequency { get; init; }
}

public sealed record ConfigurationRecorderStatus
{
    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("lastStartTime")]
    public DateTimeOffset? LastStartTime { get; init; }

    [JsonPropertyName("lastStopTime")]
    public DateTimeOffset? LastStopTime { get; init; }

    /// <summary>False means no fresh evaluations in the region.</summary>
    [JsonPropertyName("recording")]
    public bool Recording { get; init; }

    /// <summary>Pending, Success, Failure or NotApplicable.</summary>
    [JsonPropertyName("lastStatus")]
    public string? LastStatus { get; init; }

    [JsonPropertyName("lastErrorCode")]
    public string? LastErrorCode { get; init; }

    [JsonPropertyName("lastErrorMessage")]
    public string? LastErrorMessage { get; init; }

    [JsonPropertyName("lastStatusChangeTime")]
    public DateTimeOffset? LastStatusChangeTime { get; init; }

    [JsonPropertyName("servicePrincipal")]
    public string? ServicePrincipal { get; init; }
}

// The request members of both describe operations are PascalCase.

public sealed record DescribeConfigurationRecordersRequest
{
    public IReadOnlyList<string>? ConfigurationRecorderNames { get; init; }

    public string? ServicePrincipal { get; init; }

    public string? Arn { get; init; }
}

public sealed record DescribeConfigurationRecordersResponse
{
    public IReadOnlyList<ConfigurationRecorder> ConfigurationRecorders { get; init; } = [];
}

public sealed record DescribeConfigurationRecorderStatusRequest
{
    public IReadOnlyList<string>? ConfigurationRecorderNames { get; init; }

    public string? ServicePrincipal { get; init; }

    public string? Arn { get; init; }
}

public sealed record DescribeConfigurationRecorderStatusResponse
{
    public IReadOnlyList<ConfigurationRecorderStatus> ConfigurationRecordersStatus { get; init; } = [];
}
