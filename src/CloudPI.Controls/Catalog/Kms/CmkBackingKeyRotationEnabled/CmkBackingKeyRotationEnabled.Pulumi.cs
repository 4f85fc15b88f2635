using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Kms;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// KMS keys rotate automatically. Only enabled, symmetric, AWS-backed keys can rotate, so asymmetric, HMAC and
/// custom-key-store keys are not applicable (the sample flagged them); replica and external keys are not either.
/// </summary>
public sealed class CmkBackingKeyRotationEnabledCheck() : IacCheck(CmkBackingKeyRotationEnabled.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new CmkBackingKeyRotationEnabledCheck());

    public override int Position => 1;

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var key in stack.OfType("aws:kms/key:Key"))
        {
            var applicable = Applicability(key);
            if (applicable.Applies == false)
            {
                continue;
            }

            var rotation = key.Property("enableKeyRotation");
            if (applicable.Applies is null)
            {
                yield return Unknown(key, applicable.Property, $"{applicable.Property} is not known before deployment, so rotation may not apply");
            }
            else if (rotation.IsUnknown)
            {
                yield return Unknown(key, "enableKeyRotation", "enableKeyRotation is not known before deployment");
            }
            else if (rotation.Bool == true)
            {
                yield return Pass(key, "automatic rotation is enabled");
            }
            else
            {
                yield return Fail(key, "enableKeyRotation", rotation.IsMissing ? "enableKeyRotation is absent (defaults to false)" : $"enableKeyRotation is {rotation}");
            }
        }
    }

    private static (bool? Applies, string Property) Applicability(IacResource key)
    {
        foreach (var (property, applicableValue) in (ReadOnlySpan<(string, string)>)[("isEnabled", "true"), ("customerMasterKeySpec", "SYMMETRIC_DEFAULT"), ("keyUsage", "ENCRYPT_DECRYPT")])
        {
            var value = key.Property(property);
            if (value.IsUnknown)
            {
                return (null, property);
            }

            if (value.String is { } text && !text.Equals(applicableValue, StringComparison.OrdinalIgnoreCase))
            {
                return (false, property);
            }
        }

        // Keys in a CloudHSM or external key store cannot rotate automatically, whatever the id turns out to be.
        var customStore = new[] { "customKeyStoreId", "xksKeyId" }.FirstOrDefault(p => !key.Property(p).IsMissing && key.Property(p).String is not "");
        return customStore is null ? (true, string.Empty) : (false, customStore);
    }
}
