using Xunit;

namespace CloudPI.TestSupport;

/// <summary>
/// A fact that needs an external tool (Node.js, moto_server, the aws CLI, botocore). It is skipped, with the reason,
/// when the tool is missing on a developer machine; in CI (CI=true) the tool must be there, so the test runs and fails
/// instead.
/// </summary>
public abstract class ToolFactAttribute : FactAttribute
{
    protected ToolFactAttribute(string? missingReason)
    {
        if (missingReason is not null && !ExternalProcess.IsCi)
        {
            Skip = missingReason + " (this test runs in CI)";
        }
    }
}

public sealed class NodeFactAttribute() : ToolFactAttribute(NodeTool.MissingReason());
