using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Iam;

/// <summary>Decided on the Cartography graph; ZeusCloud's "third-party account trust" combination. No AWS Config managed rule checks it.</summary>
public static class IamRoleThirdPartyTrust
{
    public static Control Control { get; } = new()
    {
        Id = "iam-role-third-party-trust",
        Title = "IAM role can be assumed from an account outside the organisation",
        Description = "The role's trust policy lets a principal of an account that is not one of yours assume it, so whoever controls that account holds the role's permissions.",
        Severity = ControlSeverity.Medium,
        Service = "IAM",
        ResourceTypes = ["AWS::IAM::Role"],
        Risk = RiskKind.ExternalTrust,
        Remediation = "Remove the external principal from the trust policy, or require sts:ExternalId and narrow the role's permissions to what the third party needs.",
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
