using System.Globalization;
using Ocurity.Dracon.V1;

namespace CloudPI.Enrichers.Muting;

/// <summary>Marks an enriched issue that a mute entry covers; the enrichers and the report share it, so both mute alike.</summary>
public static class MuteAnnotations
{
    /// <summary>Annotates <paramref name="issue"/> when a live entry covers it; returns the entry, or null.</summary>
    public static MuteEntry? Apply(EnrichedIssue issue, MuteList mutes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(mutes);
        var control = issue.Annotations.TryGetValue(AnnotationKeys.Control, out var resolved) ? resolved : issue.RawIssue.Type;
        var resource = issue.Annotations.TryGetValue(AnnotationKeys.Resource, out var id) ? id : null;
        var target = issue.RawIssue.Target;
        if (mutes.Find(control, target, resource, TargetAccount.Of(target), today) is not { } entry)
        {
            return null;
        }

        issue.Annotations[AnnotationKeys.Muted] = entry.Reason;
        if (entry.Expires is { } until)
        {
            issue.Annotations[AnnotationKeys.MutedUntil] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return entry;
    }
}
