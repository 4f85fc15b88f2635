using System.Reflection;

namespace CloudPI.Bolt;

internal static class BoltUserAgent
{
    /// <summary>"cloudpi/&lt;version&gt;" from the assembly's informational version, without any "+commit" suffix.</summary>
    public static string Default { get; } = "cloudpi/" + Version();

    private static string Version()
    {
        var informational = typeof(BoltUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
