using CloudPI.Controls;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Producers;

/// <summary>
/// The one mapping from a control's result on a resource to a Dracon issue, shared by every producer: type = the
/// control's id, title and severity from the catalog, the resource as target. Each producer supplies only its own
/// target naming, description and evidence.
/// </summary>
public static class ControlIssues
{
    /// <summary>The resource fails the control: the catalog's severity, HIGH confidence (the producer decided it).</summary>
    public static Issue Failed(Control control, string target, string description)
    {
        ArgumentNullException.ThrowIfNull(control);
        return new Issue
        {
            Target = target,
            Type = control.Id,
            Title = control.Title,
            Severity = Severity(control.Severity),
            Confidence = Confidence.High,
            Description = description,
        };
    }

    /// <summary>
    /// Whether the resource fails is not known yet (<paramref name="why"/>, e.g. "undecided before deployment"): INFO
    /// with LOW confidence, so it is visible without counting as a defect.
    /// </summary>
    public static Issue Undecided(Control control, string target, string why, string description)
    {
        var issue = Failed(control, target, description);
        issue.Title = $"{control.Title} ({why})";
        issue.Severity = Ocurity.Dracon.V1.Severity.Info;
        issue.Confidence = Confidence.Low;
        return issue;
    }

    /// <summary>A change that makes the resource pass the control (<paramref name="title"/> says how): INFO, for the record.</summary>
    public static Issue Resolved(Control control, string target, string title, string description)
    {
        var issue = Failed(control, target, description);
        issue.Title = title;
        issue.Severity = Ocurity.Dracon.V1.Severity.Info;
        return issue;
    }

    /// <summary>A control's severity as Dracon's (the catalog numbers its severities like Dracon).</summary>
    public static Severity Severity(ControlSeverity severity) => (Severity)(int)severity;
}
