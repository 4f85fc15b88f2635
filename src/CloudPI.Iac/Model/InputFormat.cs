namespace CloudPI.Iac.Model;

public enum InputFormat
{
    /// <summary><c>pulumi preview --json</c>, with or without <c>--show-sames</c>.</summary>
    PreviewDigest,

    /// <summary><c>pulumi stack export</c> (deployment version 3 or 4).</summary>
    StackExport,

    /// <summary>One engine event per line (<c>PULUMI_ENABLE_STREAMING_JSON_PREVIEW=1 pulumi preview --json</c>).</summary>
    EngineEvents,
}
