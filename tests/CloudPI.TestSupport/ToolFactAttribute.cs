using Xunit;

namespace CloudPI.TestSupport;

/// <summary>
/// A fact that needs an external tool (Node.js, moto_server). It is skipped, with the reason, when the tool is
/// missing on a developer machine; in CI (CI=true) the tool must be there, so the test runs and fails instead.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        var missing = NodeTool.MissingReason();
        if (missing is not null && !IsCi)
        {
            Skip = missing + " (this test runs in CI)";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
