namespace CloudPI.Controls;

/// <summary>How bad a failed control is on its own, before context. Numbered like Dracon's severities.</summary>
public enum ControlSeverity
{
    Info = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    Critical = 5,
}
