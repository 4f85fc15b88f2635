using System.Text.RegularExpressions;
using CloudPI.TestSupport;

namespace CloudPI.Deploy.Tests;

/// <summary>The deployment steps docs/operations.md gives ("Deploying in Dracon"), read from its text.</summary>
internal static partial class Deployment
{
    /// <summary>The Helm release CloudPI's tasks are installed as; the example kustomization refers to it.</summary>
    public const string ComponentsRelease = "cloudpi-components";

    public static string Operations => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));

    /// <summary>The <c>draconctl components package</c> command line, continuation lines joined.</summary>
    public static string PackageCommand() => Command("draconctl components package");

    /// <summary>The <c>helm upgrade --install</c> command line, continuation lines joined.</summary>
    public static string HelmCommand() => Command("helm upgrade --install");

    private static string Command(string start)
    {
        var match = CommandLine().Matches(Operations)
            .Select(m => Regex.Replace(Regex.Replace(m.Value, @"\\\n\s*", " "), @"\s+#.*$", string.Empty).Trim())
            .Where(c => c.StartsWith(start, StringComparison.Ordinal))
            .ToList();
        return Assert.Single(match);
    }

    [GeneratedRegex(@"^[ \t]*[a-z][^\n]*(?:\\\n[^\n]*)*", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
