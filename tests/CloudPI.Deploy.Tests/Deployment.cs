using System.Text.RegularExpressions;
using CloudPI.TestSupport;

namespace CloudPI.Deploy.Tests;

/// <summary>The deployment steps docs/operations.md gives ("Deploying in Dracon"), read from its text.</summary>
internal static class Deployment
{
    /// <summary>The Helm release CloudPI's tasks are installed as; the example kustomization refers to it.</summary>
    public const string ComponentsRelease = "cloudpi-components";

    public static string Operations => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));

    /// <summary>The <c>draconctl components package</c> command line, continuation lines joined.</summary>
    public static string PackageCommand() => Assert.Single(Commands("draconctl components package"));

    /// <summary>The <c>helm upgrade --install</c> command line, continuation lines joined.</summary>
    public static string HelmCommand() => Assert.Single(Commands("helm upgrade --install"));

    /// <summary>The command lines that start with <paramref name="start"/>, continuation lines joined, comments dropped.</summary>
    public static IReadOnlyList<string> Commands(string start) =>
        Regex.Replace(Operations, @"\\\n\s*", " ").Split('\n')
            .Select(l => Regex.Replace(l, @"\s+#.*$", string.Empty).Trim())
            .Where(l => l.StartsWith(start, StringComparison.Ordinal))
            .ToList();

    /// <summary>The value after <paramref name="flag"/> in a command line (<c>--flag value</c> or <c>--flag=value</c>).</summary>
    public static string Flag(string command, string flag)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = words.SingleOrDefault(w => w.StartsWith(flag + "=", StringComparison.Ordinal));
        var index = Array.IndexOf(words, flag);
        Assert.True(joined is not null || index >= 0, $"no {flag} in: {command}");
        return joined is not null ? joined[(flag.Length + 1)..] : words[index + 1];
    }
}
