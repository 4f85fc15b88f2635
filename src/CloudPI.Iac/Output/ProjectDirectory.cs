using System.Globalization;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Output;

/// <summary>Where a result points in the repository: a repository-relative URI, a line (1 at least) and, when known, a column.</summary>
public readonly record struct SourceLocation(string Uri, int Line, int? Column);

/// <summary>
/// The Pulumi project's directory (the one holding <c>Pulumi.yaml</c>) relative to the repository root. Pulumi records
/// where a resource was declared relative to the project (<c>project:///index.ts#12,3</c>), while code scanning wants
/// paths relative to the repository, so SARIF locations are resolved through this.
/// </summary>
public sealed class ProjectDirectory
{
    public const string ProjectFile = "Pulumi.yaml";
    private const string ProjectScheme = "project://";
    private readonly IReadOnlyList<string> _segments;

    private ProjectDirectory(IReadOnlyList<string> segments) => _segments = segments;

    public static ProjectDirectory RepositoryRoot { get; } = new([]);

    /// <summary>A relative path such as <c>infra</c> or <c>./stacks/web/</c>, with '/' or '\'.</summary>
    /// <exception cref="FormatException">The path is absolute or leaves the repository.</exception>
    public static ProjectDirectory Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 1 && path[1] == ':'))
        {
            throw new FormatException($"'{path}' must be relative to the repository root");
        }

        return new(Resolve([], path.Split('/', '\\')) ?? throw new FormatException($"'{path}' leaves the repository"));
    }

    /// <summary>
    /// The file and line Pulumi recorded for <paramref name="resource"/>, else the project's <c>Pulumi.yaml</c> at line 1:
    /// no position recorded (engine events never carry one), a stack-level result, or a declaration outside the
    /// repository (Pulumi writes every position relative to the project, <c>project:///../lib/x.py</c> included).
    /// </summary>
    public SourceLocation Locate(IacResource? resource)
    {
        var position = resource?.SourcePosition;
        if (position is not null && position.StartsWith(ProjectScheme, StringComparison.Ordinal))
        {
            var hash = position.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? position[ProjectScheme.Length..] : position[ProjectScheme.Length..hash];
            if (Resolve(_segments, path.Split('/').Select(Uri.UnescapeDataString)) is { Count: > 0 } file)
            {
                var lineAndColumn = hash < 0 ? [] : position[(hash + 1)..].Split(',');
                return new(Join(file), Positive(lineAndColumn.ElementAtOrDefault(0)) ?? 1, Positive(lineAndColumn.ElementAtOrDefault(1)));
            }
        }

        return new(Join(Resolve(_segments, [ProjectFile])!), 1, null);
    }

    /// <summary>Appends <paramref name="relative"/> to <paramref name="start"/>, dropping '.' and empty parts; null when '..' climbs above the root.</summary>
    private static List<string>? Resolve(IEnumerable<string> start, IEnumerable<string> relative)
    {
        var segments = start.ToList();
        foreach (var segment in relative)
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static string Join(List<string> segments) => string.Join('/', segments.Select(Uri.EscapeDataString));

    private static int? Positive(string? number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
