using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Io;

/// <summary>The two message types a Dracon file can hold.</summary>
public enum DraconMessageKind
{
    LaunchToolResponse,
    EnrichedLaunchToolResponse,
}

/// <summary>One Dracon file's message, whichever of the two types it is.</summary>
public sealed record DraconMessage(DraconMessageKind Kind, IMessage Message)
{
    public LaunchToolResponse? AsLaunchToolResponse => Message as LaunchToolResponse;

    public EnrichedLaunchToolResponse? AsEnriched => Message as EnrichedLaunchToolResponse;

    /// <summary>The producing tool's name, from the message or, for enriched files, its original results.</summary>
    public string ToolName => Message switch
    {
        LaunchToolResponse ltr => ltr.ToolName,
        EnrichedLaunchToolResponse eltr => eltr.OriginalResults?.ToolName ?? string.Empty,
        _ => string.Empty,
    };
}
