using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.S3;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// Buckets declare default encryption, in any shape: legacy Bucket's inline object
/// (<c>serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault</c>), BucketV2's lists
/// (<c>serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]</c>), or a split
/// BucketServerSideEncryptionConfiguration(V2) resource (<c>rules[].applyServerSideEncryptionByDefault</c>). The
/// sample failed buckets configured by a split resource and ignored BucketV2.
/// </summary>
public sealed class S3BucketServerSideEncryptionEnabledCheck() : IacCheck(S3BucketServerSideEncryptionEnabled.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new S3BucketServerSideEncryptionEnabledCheck());

    public override int Position => 12;

    private const string RequireKms = "requireKms";
    private static readonly string[] Algorithms = ["AES256", "aws:kms", "aws:kms:dsse"];
    private static readonly string[] KmsAlgorithms = ["aws:kms", "aws:kms:dsse"];

    public override IReadOnlyList<CheckParameter> Parameters { get; } =
    [
        CheckParameter.Flag(RequireKms, "Strict mode: require aws:kms or aws:kms:dsse (AWS applies SSE-S3 to every bucket since January 2023 anyway).", false),
    ];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parameters);
        var accepted = parameters.Flag(RequireKms) ? KmsAlgorithms : Algorithms;
        foreach (var bucket in stack.OfType(AwsTypes.Buckets))
        {
            var split = RelatedResources.Find(stack, bucket, "bucket",
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
            var algorithms = InlineAlgorithms(bucket).Concat(split.Linked.SelectMany(SplitAlgorithms)).ToList();
            var good = algorithms.FirstOrDefault(a => accepted.Contains(a.Value.String, StringComparer.Ordinal));
            var unknown = algorithms.FirstOrDefault(a => a.Value.IsUnknown);
            if (good.Path is not null)
            {
                yield return Pass(bucket, $"{good.Path} is {good.Value.String}");
            }
            else if (unknown.Path is not null)
            {
                yield return Unknown(bucket, unknown.Path, $"{unknown.Path} is not known before deployment");
            }
            else if (algorithms.Count > 0)
            {
                yield return Fail(bucket, algorithms[0].Path, $"{algorithms[0].Path} is {algorithms[0].Value}; accepted: {string.Join(", ", accepted)}");
            }
            else if (split.AnyUndecided || MayHaveUnlistedReferrers(stack, bucket))
            {
                yield return Unknown(bucket, "serverSideEncryptionConfiguration", split.AnyUndecided ? "an encryption configuration's bucket is not known before deployment" : UnlistedResources);
            }
            else
            {
                yield return Fail(bucket, "serverSideEncryptionConfiguration", "no default encryption is declared, inline or as a BucketServerSideEncryptionConfiguration");
            }
        }
    }

    /// <summary>Both inline shapes: singular names (legacy Bucket, v7 Bucket) and the plural list names (BucketV2).</summary>
    private static IEnumerable<(string Path, IacValue Value)> InlineAlgorithms(IacResource bucket) =>
        from configuration in (string[])["serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"]
        from rules in bucket.Property(configuration).Items().SelectMany(c => new[] { ("rule", c["rule"]), ("rules", c["rules"]) })
        from algorithm in DefaultAlgorithms($"{configuration}.{rules.Item1}", rules.Item2)
        select algorithm;

    private static IEnumerable<(string Path, IacValue Value)> SplitAlgorithms(IacResource configuration) =>
        DefaultAlgorithms($"{configuration.Name}.rules", configuration.Property("rules"));

    private static IEnumerable<(string Path, IacValue Value)> DefaultAlgorithms(string path, IacValue rules) =>
        from rule in rules.Items()
        from name in (string[])["applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults"]
        from setting in rule.IsUnknown ? [IacValue.Unknown] : rule[name].Items()
        select ($"{path}.{name}.sseAlgorithm", setting["sseAlgorithm"]);
}
