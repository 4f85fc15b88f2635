using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.S3;
using CloudPI.Iac.Model;
using CloudPI.Iac.Policies;

namespace CloudPI.Iac.Checks;

/// <summary>
/// Buckets refuse plain HTTP (stack-level, per bucket): some policy statement, inline or from a BucketPolicy,
/// denies <c>s3:*</c>/<c>*</c>/<c>s3:PutObject</c> when <c>aws:SecureTransport</c> is false. The sample passed any
/// statement with that condition whatever its effect, and never flagged a bucket without a policy.
/// </summary>
public sealed class S3BucketSslRequestsOnlyCheck() : IacCheck(S3BucketSslRequestsOnly.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new S3BucketSslRequestsOnlyCheck());

    public override int Position => 11;

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var bucket in S3BucketResources.All(stack))
        {
            var documents = bucket.PolicyDocuments().Select(d => (d.Source, Read: IamPolicy.Statements(d.Policy))).ToList();
            var denying = documents.FirstOrDefault(d => d.Read.Statements.Any(DeniesInsecureTransport));
            var unknown = documents.FirstOrDefault(d => d.Read.State == ValueState.Unknown || d.Read.Statements.Any(s => s.ContainsUnknown()));
            if (denying.Source is not null)
            {
                yield return Pass(bucket.Bucket, $"{denying.Source} denies requests without TLS");
            }
            else if (unknown.Source is not null)
            {
                yield return Unknown(bucket.Bucket, unknown.Source, $"{unknown.Source} is not known before deployment (it usually interpolates the new bucket's ARN)");
            }
            else if (bucket.Policies.AnyUndecided || MayHaveUnlistedReferrers(stack, bucket.Bucket))
            {
                yield return Unknown(bucket.Bucket, "policy", bucket.Policies.AnyUndecided ? "a bucket policy's bucket is not known before deployment" : UnlistedResources);
            }
            else
            {
                yield return Fail(bucket.Bucket, documents.Count == 0 ? "policy" : documents[0].Source,
                    documents.Count == 0 ? "no bucket policy: requests over plain HTTP are allowed" : "no statement denies requests where aws:SecureTransport is false");
            }
        }
    }

    private static bool DeniesInsecureTransport(IacValue statement)
    {
        var secureTransport = statement["Condition"]["Bool"]["aws:SecureTransport"];
        return statement["Effect"].String == "Deny"
            && IamPolicy.CoversAction(statement, "s3:PutObject") == true
            && secureTransport.Items().Any(v => v.Bool == false);
    }
}
