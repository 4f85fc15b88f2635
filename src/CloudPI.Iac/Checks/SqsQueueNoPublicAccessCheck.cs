using CloudPI.Controls.Catalog.Sqs;
using CloudPI.Iac.Model;
using CloudPI.Iac.Policies;

namespace CloudPI.Iac.Checks;

/// <summary>
/// #13 SQS queue policies do not allow everyone: every statement of a Queue's inline <c>policy</c> and of each
/// QueuePolicy, with <c>{"AWS": "*"}</c> and CanonicalUser principals and restrictive conditions understood. The
/// sample only compared the first statement's principal with the string "*".
/// </summary>
public sealed class SqsQueueNoPublicAccessCheck() : IacCheck(SqsQueueNoPublicAccess.Control)
{
    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var resource in stack.OfType("aws:sqs/queue:Queue", "aws:sqs/queuePolicy:QueuePolicy"))
        {
            var (state, statements) = IamPolicy.Statements(resource.Property("policy"));
            var verdicts = statements.Select(s => IamPolicy.AllowsPublicAccess(s, acceptSourceIpCondition: false)).ToList();
            var open = verdicts.IndexOf(true);
            var undecided = verdicts.IndexOf(null);
            if (state == ValueState.Unknown)
            {
                yield return Unknown(resource, "policy", "the queue policy is not known before deployment");
            }
            else if (open >= 0)
            {
                yield return Fail(resource, $"policy.Statement[{open}]", "an Allow statement grants everyone access without a restrictive condition");
            }
            else if (undecided >= 0)
            {
                yield return Unknown(resource, $"policy.Statement[{undecided}]", "a statement's principal or condition is not known before deployment");
            }
            else
            {
                yield return Pass(resource, state == ValueState.Missing ? "no queue policy" : "no statement allows public access");
            }
        }
    }
}
