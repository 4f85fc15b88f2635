using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Sqs;
using CloudPI.Iac.Model;
using CloudPI.Iac.Policies;

namespace CloudPI.Iac.Checks;

/// <summary>
/// sqs-queue-no-public-access before deployment: every statement of a Queue's inline <c>policy</c> and of each
/// QueuePolicy, read by the catalog's one rule (<see cref="SqsQueueNoPublicAccess.PublicGrants"/>).
/// </summary>
public sealed class SqsQueueNoPublicAccessCheck() : IacCheck(SqsQueueNoPublicAccess.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new SqsQueueNoPublicAccessCheck());

    public override int Position => 13;

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var resource in stack.OfType("aws:sqs/queue:Queue", "aws:sqs/queuePolicy:QueuePolicy"))
        {
            yield return Decide(resource);
        }
    }

    private CheckResult Decide(IacResource resource)
    {
        var (state, statements) = IamPolicy.Statements(resource.Property("policy"));
        if (state == ValueState.Unknown)
        {
            return Unknown(resource, "policy", "the queue policy is not known before deployment");
        }

        if (state == ValueState.Missing)
        {
            return Pass(resource, "no queue policy");
        }

        // A statement not known yet may be the grant, or a Deny that overrides one: nothing is decided before it is.
        var undecided = statements.ToList().FindIndex(statement => statement.ContainsUnknown());
        if (undecided >= 0)
        {
            return Unknown(resource, $"policy.Statement[{undecided}]", "a statement's principal or condition is not known before deployment");
        }

        var document = $"{{\"Statement\":[{string.Join(",", statements.Select(statement => statement.ToString()))}]}}";
        return SqsQueueNoPublicAccess.PublicGrants(document).FirstOrDefault() is { } grant
            ? Fail(resource, $"policy.Statement[{grant.Index - 1}]", "an Allow statement grants everyone access without a restrictive condition")
            : Pass(resource, "no statement allows public access");
    }
}
