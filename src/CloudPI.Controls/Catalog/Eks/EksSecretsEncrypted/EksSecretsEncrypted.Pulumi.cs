using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Eks;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// EKS secrets are envelope-encrypted with a KMS key: <c>encryptionConfig</c> with <c>resources</c> holding
/// <c>secrets</c> and a <c>provider.keyArn</c> (an ARN of a key created in the same preview counts as set). The
/// sample looked up a pulumi-eks component argument that the cluster resource never has.
/// </summary>
public sealed class EksSecretsEncryptedCheck() : IacCheck(EksSecretsEncrypted.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new EksSecretsEncryptedCheck());

    public override int Position => 9;

    private const string AllowedKeyArns = "allowedKeyArns";

    public override IReadOnlyList<CheckParameter> Parameters { get; } =
    [
        CheckParameter.List(AllowedKeyArns, "If not empty, the only KMS key ARNs accepted.", [], allowsEmpty: true),
    ];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parameters);
        var allowed = parameters.StringList(AllowedKeyArns);
        foreach (var cluster in stack.OfType(AwsTypes.EksCluster))
        {
            yield return Decide(cluster, allowed);
        }
    }

    private CheckResult Decide(IacResource cluster, IReadOnlyList<string> allowed)
    {
        var configs = cluster.Property("encryptionConfig").Items().ToList();
        if (configs.Count == 0)
        {
            return Fail(cluster, "encryptionConfig", "encryptionConfig is absent: secrets are not encrypted with a KMS key");
        }

        if (configs.Any(c => c.IsUnknown))
        {
            return Unknown(cluster, "encryptionConfig", "encryptionConfig is not known before deployment");
        }

        var config = configs[0];
        var resources = config["resources"].Items().ToList();
        if (!resources.Any(r => r.String == "secrets"))
        {
            return resources.Any(r => r.IsUnknown)
                ? Unknown(cluster, "encryptionConfig.resources", "encryptionConfig.resources is not known before deployment")
                : Fail(cluster, "encryptionConfig.resources", "encryptionConfig.resources does not include secrets");
        }

        var keyArn = config["provider"]["keyArn"];
        if (keyArn.IsMissing || keyArn.String is "")
        {
            return Fail(cluster, "encryptionConfig.provider.keyArn", "no KMS key ARN is set");
        }

        if (allowed.Count > 0 && keyArn.IsUnknown)
        {
            return Unknown(cluster, "encryptionConfig.provider.keyArn", "the key ARN is not known before deployment, so it cannot be matched with allowedKeyArns");
        }

        return allowed.Count > 0 && !allowed.Contains(keyArn.String, StringComparer.Ordinal)
            ? Fail(cluster, "encryptionConfig.provider.keyArn", $"key {keyArn.String} is not one of allowedKeyArns")
            : Pass(cluster, "secrets are encrypted with a KMS key");
    }
}
