using CloudPI.Dracon.Io;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Producers;

/// <summary>
/// Writes a producer's <c>LaunchToolResponse</c> the way Dracon's Go producer library does, so downstream
/// components cannot tell the difference: the issue <c>source</c> is replaced by the scanned source's
/// <c>.source.dracon</c> content (else "unknown"), the workspace prefix is stripped from text fields,
/// uuids are left for the tagger, and the file is written atomically.
/// </summary>
public sealed class ProducerWriter
{
    /// <summary>Where Dracon's git-clone step puts the scanned source inside the pipeline workspace.</summary>
    public const string DefaultSourceCodeDirectory = "/workspace/output/source-code/";

    private readonly string _sourceCodeDirectory;
    private readonly Func<ScanInfo> _scanInfo;

    public ProducerWriter(Func<ScanInfo>? scanInfo = null, string sourceCodeDirectory = DefaultSourceCodeDirectory)
    {
        ArgumentNullException.ThrowIfNull(sourceCodeDirectory);
        _scanInfo = scanInfo ?? (() => ScanEnvironment.FromEnvironment());
        _sourceCodeDirectory = sourceCodeDirectory.EndsWith('/') ? sourceCodeDirectory : sourceCodeDirectory + "/";
    }

    /// <summary>
    /// Writes <paramref name="issues"/> to <paramref name="outPath"/>. With <paramref name="append"/> and an existing
    /// non-empty file, the issues are added to it and its scan info and tool name are kept (Go's <c>-append</c>).
    /// </summary>
    public LaunchToolResponse Write(string toolName, IEnumerable<Issue> issues, string outPath, bool append = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        ArgumentNullException.ThrowIfNull(issues);
        var source = ReadSource();
        var prepared = issues.Select(issue => Prepare(issue, source)).ToList();

        var response = append && File.Exists(outPath) && new FileInfo(outPath).Length > 0
            ? DraconFile.ReadLaunchToolResponse(outPath)
            : new LaunchToolResponse { ScanInfo = _scanInfo(), ToolName = toolName };
        response.ScanTarget = string.Empty;
        response.Issues.AddRange(prepared);
        DraconFile.Write(outPath, response);
        return response;
    }

    private Issue Prepare(Issue original, string source)
    {
        var issue = original.Clone();
        issue.Source = source;
        issue.Uuid = string.Empty;
        issue.Target = StripWorkspace(issue.Target);
        issue.Title = StripWorkspace(issue.Title);
        issue.Description = StripWorkspace(issue.Description);
        if (double.IsNegative(issue.Cvss) && issue.Cvss == 0)
        {
            issue.Cvss = 0; // Go writes -0.0, C# would not: normalise so both agree byte for byte.
        }

        return issue;
    }

    private string StripWorkspace(string text) => text.Replace(_sourceCodeDirectory, string.Empty, StringComparison.Ordinal);

    private string ReadSource()
    {
        var marker = Path.Combine(_sourceCodeDirectory, ".source.dracon");
        return File.Exists(marker) ? File.ReadAllText(marker).Trim() : "unknown";
    }
}
