using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Evaluation;

/// <summary>Every enabled check run over one stack, and CrossGuard's own violations from the same input.</summary>
public sealed class IacEvaluation
{
    private IacEvaluation(IacStack stack, IReadOnlyList<Finding> findings)
    {
        Stack = stack;
        Findings = findings;
    }

    public IacStack Stack { get; }

    /// <summary>Results of enabled controls (passes included), in check order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public static IacEvaluation Run(IacStack stack, PolicyConfig config, IReadOnlyList<IacCheck>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(config);
        var findings = new List<Finding>();
        foreach (var check in checks ?? IacChecks.All)
        {
            if (check.Controls.All(c => config.Level(c.Id) == EnforcementLevel.Disabled))
            {
                continue;
            }

            foreach (var result in check.Evaluate(stack, config.Parameters(check)))
            {
                var level = config.Level(result.Control.Id);
                if (level != EnforcementLevel.Disabled)
                {
                    findings.Add(new Finding(result, level));
                }
            }
        }

        return new IacEvaluation(stack, findings);
    }

    /// <summary>
    /// The gate. An incomplete preview never passes, whatever its findings: the resources that would have failed may
    /// be the ones it leaves out.
    /// </summary>
    public GateVerdict Gate(bool failOnUnknown) =>
        Stack.IncompleteReasons.Count > 0 ? GateVerdict.Incomplete
        : Blocking(failOnUnknown) > 0 ? GateVerdict.Blocked
        : GateVerdict.Passed;

    /// <summary>Mandatory failures and mandatory CrossGuard violations (with <paramref name="failOnUnknown"/>, undecided mandatory checks too).</summary>
    public int Blocking(bool failOnUnknown) => Findings.Count(f => f.Blocks(failOnUnknown)) + Stack.PolicyViolations.Count(v => v.IsMandatory);
}
