namespace CloudPI.Catalog.Tests.Cases;

/// <summary>iam-role-third-party-trust: a role and the account of the principal its trust policy names.</summary>
internal sealed class IamRoleThirdPartyTrustCases : IControlCases
{
    public string ControlId => "iam-role-third-party-trust";

    public IReadOnlyList<ControlCase> Cases =>
    [
        // Cartography keeps no trust conditions: an sts:ExternalId may be what stops a confused deputy.
        new("trusted by an account out of scope", Expected.Fail, g => Trust(g, "999988887777", "deploy"), "role-1", Exploitable: ExploitabilityStatus.Conditional),
        new("trusted by the account itself", Expected.Pass, g => Trust(g, "111122223333", "deploy"), "role-1"),
        new("OrganizationAccountAccessRole", Expected.Pass, g => Trust(g, "999988887777", "OrganizationAccountAccessRole"), "role-1"),
    ];

    private static CartographyGraph Trust(CartographyGraph graph, string account, string roleName)
    {
        var principal = $"arn:aws:iam::{account}:root";
        return graph.Node("111122223333", ["AWSAccount"], ("inscope", true))
            .Node("role-1", ["AWSRole"], ("name", roleName), ("arn", $"arn:aws:iam::111122223333:role/{roleName}"))
            .Node(principal, ["AWSPrincipal"], ("arn", principal))
            .Edge("role-1", "TRUSTS_AWS_PRINCIPAL", principal);
    }
}
