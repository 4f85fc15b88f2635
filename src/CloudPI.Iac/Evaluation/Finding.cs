using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;

namespace CloudPI.Iac.Evaluation;

/// <summary>A check result with the enforcement level it is judged at.</summary>
public sealed record Finding(CheckResult Result, EnforcementLevel Level)
{
    public bool Blocks(bool failOnUnknown) =>
        Level == EnforcementLevel.Mandatory && (Result.Verdict == Verdict.Fail || (failOnUnknown && Result.Verdict == Verdict.Unknown));
}
