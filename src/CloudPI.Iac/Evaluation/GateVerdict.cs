namespace CloudPI.Iac.Evaluation;

/// <summary>What the preventive gate decides; the command maps each verdict to its exit code.</summary>
public enum GateVerdict
{
    /// <summary>No mandatory check failed on a complete preview.</summary>
    Passed,

    /// <summary>A mandatory check (or a mandatory CrossGuard policy) failed.</summary>
    Blocked,

    /// <summary>The preview failed or is incomplete: what it leaves out was never checked, so it cannot pass.</summary>
    Incomplete,
}
