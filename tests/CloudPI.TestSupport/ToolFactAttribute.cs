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

/// <summary>A fact that drives a real browser: Node.js (for playwright-core) and Debian's headless chromium.</summary>
public sealed class ChromiumFactAttribute() : ToolFactAttribute(NodeTool.MissingReason() ?? Browser.MissingReason());

/// <summary>Debian's chromium, or the one <c>CHROMIUM</c> names.</summary>
public static class Browser
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? MissingReason() =>
        File.Exists(ExecutablePath) ? null : $"chromium is not installed at {ExecutablePath} (apt-get install chromium, or set CHROMIUM)";
}
