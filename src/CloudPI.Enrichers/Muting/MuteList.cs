using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Enrichers.Muting;

/// <summary>
/// One accepted risk: findings of <see cref="Control"/> (any when null) on resources matching <see cref="ResourcePattern"/>
/// (a glob over the target or the graph id, <c>*</c> any run of characters) in <see cref="Account"/> (any when null),
/// muted for <see cref="Reason"/> until <see cref="Expires"/> (the end of that day, UTC; never when null).
/// </summary>
public sealed record MuteEntry(string? Control, string ResourcePattern, string? Account, string Reason, DateOnly? Expires)
{
    private readonly Regex _resource = new(
        "^" + Regex.Escape(ResourcePattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public bool IsExpired(DateOnly today) => Expires is { } end && end < today;

    public bool Matches(string control, string target, string? resourceId, string? account) =>
        (Control is null || string.Equals(Control, control, StringComparison.OrdinalIgnoreCase))
        && (Account is null || string.Equals(Account, account, StringComparison.Ordinal))
        && (_resource.IsMatch(target) || (resourceId is not null && _resource.IsMatch(resourceId)));
}

/// <summary>
/// The mute file: findings a team has accepted, each with its reason and expiry. Muted findings are annotated and
/// counted, never dropped; an expired entry no longer mutes anything and is reported so it gets renewed or removed.
/// </summary>
public sealed class MuteList(IReadOnlyList<MuteEntry> entries)
{
    public static MuteList Empty { get; } = new([]);

    public IReadOnlyList<MuteEntry> Entries { get; } = entries;

    /// <summary>The entries past their expiry on <paramref name="today"/>: they mute nothing.</summary>
    public IEnumerable<MuteEntry> Expired(DateOnly today) => Entries.Where(e => e.IsExpired(today));

    /// <summary>The first live entry that covers the finding, or null.</summary>
    public MuteEntry? Find(string control, string target, string? resourceId, string? account, DateOnly today) =>
        Entries.FirstOrDefault(e => !e.IsExpired(today) && e.Matches(control, target, resourceId, account));

    /// <summary>
    /// Reads <c>mutes: [{control, resource, account, reason, expires}]</c>. <c>resource</c> and <c>reason</c> are
    /// required, <c>expires</c> is a date (YYYY-MM-DD); anything else is an error naming the file and entry.
    /// </summary>
    public static MuteList Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: line {e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("mutes"), out var list)
            || list is not YamlSequenceNode sequence)
        {
            throw new FormatException($"{source}: expected a top-level 'mutes:' list");
        }

        var entries = new List<MuteEntry>();
        foreach (var (node, index) in sequence.Children.Select((n, i) => (n, i)))
        {
            var where = $"{source}: mutes[{index}] (line {node.Start.Line})";
            if (node is not YamlMappingNode entry)
            {
                throw new FormatException($"{where}: expected a mapping");
            }

            string? Field(string name)
            {
                if (!entry.Children.TryGetValue(new YamlScalarNode(name), out var value))
                {
                    return null;
                }

                return value is YamlScalarNode { Value: { } text } && text.Trim().Length > 0
                    ? text.Trim()
                    : throw new FormatException($"{where}: '{name}' must be a non-empty string");
            }

            foreach (var key in entry.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value))
            {
                if (key is not ("control" or "resource" or "account" or "reason" or "expires"))
                {
                    throw new FormatException($"{where}: unknown field '{key}' (expected control, resource, account, reason, expires)");
                }
            }

            var expires = Field("expires") is { } date
                ? DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new FormatException($"{where}: 'expires' must be a date YYYY-MM-DD (got '{date}')")
                : (DateOnly?)null;
            entries.Add(new MuteEntry(
                Field("control"),
                Field("resource") ?? throw new FormatException($"{where}: 'resource' is required (use \"*\" for every resource)"),
                Field("account"),
                Field("reason") ?? throw new FormatException($"{where}: 'reason' is required"),
                expires));
        }

        return new MuteList(entries);
    }
}

/// <summary>The AWS account a finding's target names.</summary>
public static class TargetAccount
{
    /// <summary>The account field of an ARN target (<c>arn:aws:ec2:region:ACCOUNT:...</c>), else null.</summary>
    public static string? Of(string target)
    {
        var parts = target.Split(':');
        return parts.Length > 4 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }
}
