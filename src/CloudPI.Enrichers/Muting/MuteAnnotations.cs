using System.Globalization;
using CloudPI.Dracon.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Enrichers.Muting;

/// <summary>Marks an enriched issue that a mute entry covers; the enrichers and the report share it, so both mute alike.</summary>
public static class MuteAnnotations
{
    /// <summary>Annotates <paramref name="issue"/> when a live entry covers it; returns the entry, or null.</summary>
    public static MuteEntry? Apply(EnrichedIssue issue, MuteList mutes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return Apply(
            issue.Annotations.TryGetValue(AnnotationKeys.Control, out var control) ? control : issue.RawIssue.Type,
            issue.Annotations.TryGetValue(AnnotationKeys.Resource, out var resource) ? resource : null,
            issue.RawIssue.Target,
            mutes,
            today,
            (key, value) => issue.Annotations[key] = value);
    }

    /// <summary>Annotates an issue being enriched when a live entry covers it; returns the entry, or null.</summary>
    public static MuteEntry? Apply(AnnotatedIssue issue, MuteList mutes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(mutes);
        // Nothing to look up without a mute file (the usual run): no annotations read, no delegate made per issue.
        return mutes.Entries.Count == 0 ? null
            : Apply(issue.Get(AnnotationKeys.Control) ?? issue.Raw.Type, issue.Get(AnnotationKeys.Resource), issue.Raw.Target, mutes, today, issue.Set);
    }

    private static MuteEntry? Apply(string control, string? resource, string target, MuteList mutes, DateOnly today, Action<string, string> annotate)
    {
        ArgumentNullException.ThrowIfNull(mutes);
        if (mutes.Entries.Count == 0 || mutes.Find(control, target, resource, TargetAccount.Of(target), today) is not { } entry)
        {
            return null;
        }

        annotate(AnnotationKeys.Muted, entry.Reason);
        if (entry.Expires is { } until)
        {
            annotate(AnnotationKeys.MutedUntil, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return entry;
    }
}
