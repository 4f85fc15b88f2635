namespace CloudPI.Iac.Config;

/// <summary>CrossGuard's enforcement levels; <c>remediate</c> is read as mandatory (what it becomes when a fix is impossible).</summary>
public enum EnforcementLevel
{
    Disabled,
    Advisory,
    Mandatory,
}
