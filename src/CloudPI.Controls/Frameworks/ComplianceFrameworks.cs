namespace CloudPI.Controls.Frameworks;

/// <summary>A requirement of a compliance framework and the Security Hub controls that check it.</summary>
public sealed record FrameworkRequirement(string Framework, string Id, string Title, IReadOnlyList<string> SecurityHubControls);

/// <summary>
/// The frameworks a run's findings are mapped to, through the Security Hub control ids the catalog's controls carry:
/// the CIS AWS Foundations Benchmark (v1.2.0, v1.4.0, v3.0.0, the versions Security Hub offers as standards; each
/// requirement with the Security Hub controls its documentation relates to it) and AWS Foundational Security Best
/// Practices, whose requirements are the Security Hub controls themselves.
/// </summary>
public static class ComplianceFrameworks
{
    public const string CisV120 = "CIS AWS Foundations Benchmark v1.2.0";
    public const string CisV140 = "CIS AWS Foundations Benchmark v1.4.0";
    public const string CisV300 = "CIS AWS Foundations Benchmark v3.0.0";
    public const string Fsbp = "AWS Foundational Security Best Practices v1.0.0";

    public static IReadOnlyList<string> Names { get; } = [CisV120, CisV140, CisV300, Fsbp];

    /// <summary>CIS requirements checked by a Security Hub control some catalog control carries.</summary>
    private static readonly FrameworkRequirement[] Cis =
    [
        new(CisV120, "2.8", "Ensure rotation for customer created CMKs is enabled", ["KMS.4"]),
        new(CisV120, "2.9", "Ensure VPC flow logging is enabled in all VPCs", ["EC2.6"]),
        new(CisV120, "4.1", "Ensure no security groups allow ingress from 0.0.0.0/0 to port 22", ["EC2.13"]),
        new(CisV120, "4.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to port 3389", ["EC2.14"]),
        new(CisV120, "4.3", "Ensure the default security group of every VPC restricts all traffic", ["EC2.2"]),
        new(CisV140, "2.1.2", "Ensure S3 Bucket Policy is set to deny HTTP requests", ["S3.5"]),
        new(CisV140, "2.1.5", "Ensure that S3 Buckets are configured with 'Block public access'", ["S3.1", "S3.8"]),
        new(CisV140, "2.2.1", "Ensure EBS volume encryption is enabled", ["EC2.7"]),
        new(CisV140, "2.3.1", "Ensure that encryption is enabled for RDS Instances", ["RDS.3"]),
        new(CisV140, "3.8", "Ensure rotation for customer created CMKs is enabled", ["KMS.4"]),
        new(CisV140, "3.9", "Ensure VPC flow logging is enabled in all VPCs", ["EC2.6"]),
        new(CisV140, "5.1", "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports", ["EC2.21"]),
        new(CisV140, "5.3", "Ensure the default security group of every VPC restricts all traffic", ["EC2.2"]),
        new(CisV300, "2.1.1", "Ensure S3 Bucket Policy is set to deny HTTP requests", ["S3.5"]),
        new(CisV300, "2.1.4", "Ensure that S3 Buckets are configured with 'Block public access'", ["S3.1", "S3.8"]),
        new(CisV300, "2.2.1", "Ensure EBS volume encryption is enabled in all regions", ["EC2.7"]),
        new(CisV300, "2.3.1", "Ensure that encryption-at-rest is enabled for RDS Instances", ["RDS.3"]),
        new(CisV300, "2.3.2", "Ensure Auto Minor Version Upgrade feature is Enabled for RDS Instances", ["RDS.13"]),
        new(CisV300, "2.3.3", "Ensure that public access is not given to RDS Instance", ["RDS.2"]),
        new(CisV300, "3.6", "Ensure rotation for customer-created symmetric CMKs is enabled", ["KMS.4"]),
        new(CisV300, "3.7", "Ensure VPC flow logging is enabled in all VPCs", ["EC2.6"]),
        new(CisV300, "5.1", "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports", ["EC2.21"]),
        new(CisV300, "5.4", "Ensure the default security group of every VPC restricts all traffic", ["EC2.2"]),
        new(CisV300, "5.6", "Ensure that EC2 Metadata Service only allows IMDSv2", ["EC2.8"]),
    ];

    /// <summary>Security Hub controls the catalog carries that belong to other standards only (CIS, PCI DSS, NIST), not to FSBP.</summary>
    private static readonly HashSet<string> OutsideFsbp = new(["EC2.13", "EC2.14", "KMS.4", "S3.14", "Redshift.10"], StringComparer.Ordinal);

    /// <summary>Every requirement of every framework that some control of <paramref name="catalog"/> checks.</summary>
    public static IReadOnlyList<FrameworkRequirement> Requirements(ControlCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var carried = catalog.Controls.SelectMany(c => c.Mappings.SecurityHubControls).ToHashSet(StringComparer.Ordinal);
        var fsbp = catalog.Controls
            .SelectMany(c => c.Mappings.SecurityHubControls.Select(id => (Id: id, c.Title)))
            .Where(x => !OutsideFsbp.Contains(x.Id))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, SecurityHubIdComparer.Instance)
            .Select(g => new FrameworkRequirement(Fsbp, g.Key, g.First().Title, [g.Key]));
        return [.. Cis.Where(r => r.SecurityHubControls.Any(carried.Contains)), .. fsbp];
    }

    /// <summary>The catalog controls that check <paramref name="requirement"/>.</summary>
    public static IReadOnlyList<Control> ControlsOf(FrameworkRequirement requirement, ControlCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Controls.Where(c => c.Mappings.SecurityHubControls.Any(id => requirement.SecurityHubControls.Contains(id, StringComparer.Ordinal)))];
    }

    /// <summary>The frameworks and requirement ids a control counts for.</summary>
    public static IEnumerable<FrameworkRequirement> RequirementsOf(Control control, IReadOnlyList<FrameworkRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(control);
        return requirements.Where(r => r.SecurityHubControls.Any(id => control.Mappings.SecurityHubControls.Contains(id, StringComparer.Ordinal)));
    }

    /// <summary>Orders <c>EC2.2</c> before <c>EC2.13</c>: service, then number.</summary>
    private sealed class SecurityHubIdComparer : IComparer<string>
    {
        public static SecurityHubIdComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var (xs, xn) = Split(x ?? string.Empty);
            var (ys, yn) = Split(y ?? string.Empty);
            var byService = string.CompareOrdinal(xs, ys);
            return byService != 0 ? byService : xn.CompareTo(yn);
        }

        private static (string Service, int Number) Split(string id)
        {
            var dot = id.LastIndexOf('.');
            return dot > 0 && int.TryParse(id.AsSpan(dot + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? (id[..dot], n) : (id, 0);
        }
    }
}
