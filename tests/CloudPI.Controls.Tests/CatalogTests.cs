using System.Reflection;
using System.Text.RegularExpressions;

namespace CloudPI.Controls.Tests;

/// <summary>Catalog-wide rules every control must follow, and the catalog's agreement with the AWS Config managed-rule data.</summary>
public partial class CatalogTests
{
    private static readonly HashSet<string> Services = new(StringComparer.Ordinal)
    {
        "EC2", "Security group", "VPC", "EBS", "ECS", "Lambda", "RDS", "Redshift", "KMS", "S3", "EKS", "SQS", "Exposure", "IAM",
    };

    private static readonly Dictionary<string, string> AreaToService = new(StringComparer.Ordinal)
    {
        ["EC2 instance"] = "EC2",
        ["Security group"] = "Security group",
        ["VPC"] = "VPC",
        ["EBS"] = "EBS",
        ["ECS"] = "ECS",
        ["Lambda"] = "Lambda",
        ["RDS"] = "RDS",
        ["Redshift"] = "Redshift",
        ["KMS"] = "KMS",
        ["S3"] = "S3",
        ["EKS"] = "EKS",
        ["SQS"] = "SQS",
    };

    public static TheoryData<string> ControlIds => new(Catalogs.Default.Controls.Select(c => c.Id));

    public static TheoryData<string> ManagedRuleIdentifiers => new(Catalogs.ManagedRules.Select(r => r.Identifier));

    [Fact]
    public void Every_control_declared_under_Catalog_is_registered()
    {
        var declared = typeof(Control).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith("CloudPI.Controls.Catalog.", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Control", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p is not null && p.PropertyType == typeof(Control))
            .Select(p => (Control)p!.GetValue(null)!)
            .ToList();

        Assert.Equal(87, declared.Count);
        var registered = Catalogs.Default.Controls;
        Assert.Equal(declared.Count, registered.Count);
        Assert.All(declared, control => Assert.Contains(registered, r => ReferenceEquals(r, control)));
    }

    [Fact]
    public void Every_public_type_under_Catalog_is_a_control_holder()
    {
        var holders = typeof(Control).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith("CloudPI.Controls.Catalog.", StringComparison.Ordinal))
            .ToList();

        Assert.All(holders, t =>
        {
            Assert.True(t.IsAbstract && t.IsSealed, $"{t.Name} should be a static class");
            Assert.Equal(typeof(Control), t.GetProperty("Control", BindingFlags.Public | BindingFlags.Static)?.PropertyType);
        });
    }

    [Fact]
    public void Built_in_list_is_alphabetical_by_id()
    {
        var ids = BuiltInControlsOrder();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Ids_are_unique_kebab_case()
    {
        var ids = Catalogs.Default.Controls.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(KebabCase(), id));
    }

    [Theory]
    [MemberData(nameof(ControlIds))]
    public void Required_fields_are_filled_in(string id)
    {
        var control = Catalogs.ById(id);

        Assert.False(string.IsNullOrWhiteSpace(control.Title));
        Assert.True(control.Title.Length <= 100, $"title is {control.Title.Length} characters");
        Assert.False(control.Title.EndsWith('.'));
        Assert.False(string.IsNullOrWhiteSpace(control.Description));
        Assert.EndsWith(".", control.Description, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(control.Remediation));
        Assert.Contains(control.Service, Services);
        Assert.NotEmpty(control.ResourceTypes);
        Assert.All(control.ResourceTypes, t => Assert.Matches(ResourceType(), t));
        Assert.True(Enum.IsDefined(control.Severity), $"severity {control.Severity}");
        Assert.True(Enum.IsDefined(control.Risk), $"risk {control.Risk}");
        foreach (var text in new[] { control.Title, control.Description, control.Remediation })
        {
            Assert.DoesNotContain("TODO", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("TBD", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ControlIds))]
    public void Aliases_are_well_formed(string id)
    {
        var mappings = Catalogs.ById(id).Mappings;

        Assert.All(mappings.ConfigRuleIdentifiers, x => Assert.Matches("^[A-Z0-9_]+$", x));
        Assert.All(mappings.ConfigRuleNames, x => Assert.Matches(KebabCase(), x));
        Assert.All(mappings.ProwlerChecks, x => Assert.Matches("^[a-z0-9]+(_[a-z0-9]+)+$", x));
        Assert.All(mappings.ProwlerLegacyChecks, x => Assert.Matches("^(check|extra)[0-9]+$", x));
        Assert.All(mappings.CheckovIds, x => Assert.Matches("^CKV2?_AWS_[0-9]+$", x));
        Assert.All(mappings.SecurityHubControls, x => Assert.Matches("^[A-Za-z0-9]+\\.[0-9]+$", x));
        // A managed rule has an identifier and a name; a rule Security Hub deploys for itself (ECS.2) has only a name.
        if (mappings.ConfigRuleIdentifiers.Count > 0 || mappings.SecurityHubControls.Count == 0)
        {
            Assert.Equal(mappings.ConfigRuleIdentifiers.Count, mappings.ConfigRuleNames.Count);
        }
    }

    [Theory]
    [MemberData(nameof(ControlIds))]
    public void Exposures_are_valid_traffic(string id)
    {
        Assert.All(Catalogs.ById(id).Exposures, e =>
        {
            Assert.Contains(e.Protocol, new[] { "tcp", "udp", "icmp", "-1" });
            Assert.InRange(e.FromPort, 0, 65535);
            Assert.InRange(e.ToPort, e.FromPort, 65535);
        });
    }

    [Fact]
    public void Only_traffic_controls_declare_exposures()
    {
        var withExposures = Catalogs.Default.Controls.Where(c => c.Exposures.Count > 0).Select(c => c.Id).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "ecs-service-assign-public-ip-disabled",
                "eks-endpoint-no-public-access",
                "internet-exposed-cluster",
                "internet-exposed-database",
                "internet-exposed-function",
                "internet-exposed-instance",
                "internet-exposed-load-balancer",
                "internet-exposed-task",
                "nacl-no-unrestricted-ssh-rdp",
                "planned-exposure",
                "restricted-common-ports",
                "restricted-ssh",
                "vpc-sg-open-only-to-authorized-ports",
                "vpc-sg-port-restriction-check",
            ],
            withExposures);
    }

    [Fact]
    public void No_alias_is_claimed_twice()
    {
        var aliases = Catalogs.Default.Controls
            .SelectMany(c => c.Mappings.Aliases().Prepend(c.Id).Distinct(StringComparer.OrdinalIgnoreCase).Select(a => (Alias: a, c.Id)))
            .GroupBy(x => x.Alias, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(aliases);
    }

    [Theory]
    [MemberData(nameof(ManagedRuleIdentifiers))]
    public void Every_managed_rule_resolves_to_exactly_one_control(string identifier)
    {
        var rule = Catalogs.ManagedRules.Single(r => r.Identifier == identifier);
        var claiming = Catalogs.Default.Controls.Where(c => c.Mappings.ConfigRuleIdentifiers.Contains(identifier, StringComparer.Ordinal)).ToList();

        var control = Assert.Single(claiming);
        Assert.Same(control, Catalogs.Default.Resolve(identifier));
        Assert.Same(control, Catalogs.Default.FindByConfigRuleIdentifier(identifier));
        Assert.Same(control, Catalogs.Default.Resolve(rule.Name));
        Assert.Equal(rule.Types, control.ResourceTypes);
        Assert.Contains(rule.Name, control.Mappings.ConfigRuleNames);
        Assert.Equal(AreaToService[rule.Area], control.Service);
    }

    [Theory]
    [MemberData(nameof(ManagedRuleIdentifiers))]
    public void Every_managed_rule_resolves_when_renamed(string identifier)
    {
        var rule = Catalogs.ManagedRules.Single(r => r.Identifier == identifier);
        var control = Catalogs.Default.FindByConfigRuleIdentifier(identifier);

        Assert.NotNull(control);
        Assert.Same(control, Catalogs.Default.Resolve($"securityhub-{rule.Name}-1a2b3c"));
        Assert.Same(control, Catalogs.Default.Resolve($"{rule.Name}-conformance-pack-abc12345"));
    }

    [Theory]
    [MemberData(nameof(ManagedRuleIdentifiers))]
    public void Prowler_ids_listed_for_a_rule_resolve_to_a_control_on_the_same_resources(string identifier)
    {
        var rule = Catalogs.ManagedRules.Single(r => r.Identifier == identifier);

        Assert.All(rule.Prowler, prowlerId =>
        {
            var control = Catalogs.Default.Resolve(prowlerId);
            Assert.NotNull(control);
            Assert.Equal(rule.Types, control.ResourceTypes);
        });
    }

    [Fact]
    public void Catalog_covers_the_managed_rule_data_and_nothing_else()
    {
        var inCatalog = Catalogs.Default.Controls.SelectMany(c => c.Mappings.ConfigRuleIdentifiers).Order(StringComparer.Ordinal).ToList();
        var inData = Catalogs.ManagedRules.Select(r => r.Identifier).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(79, inData.Count);
        Assert.Equal(inData, inCatalog);
    }

    [Fact]
    public void Only_the_tagging_graph_exposure_and_security_hub_rule_controls_have_no_managed_config_rule()
    {
        var unmapped = Catalogs.Default.Controls.Where(c => c.Mappings.ConfigRuleIdentifiers.Count == 0).Select(c => c.Id);
        Assert.Equal(
            ["ecs-service-assign-public-ip-disabled", "eks-resources-tagged", "iam-role-third-party-trust", "internet-exposed-cluster", "internet-exposed-database", "internet-exposed-function", "internet-exposed-instance", "internet-exposed-load-balancer", "internet-exposed-task", "planned-exposure"],
            unmapped);
    }

    [Fact]
    public void Public_access_controls_are_high_or_critical()
    {
        Assert.All(
            Catalogs.Default.Controls.Where(c => c.Risk == RiskKind.PublicAccess),
            c => Assert.True(c.Severity >= ControlSeverity.High, $"{c.Id} is {c.Severity}"));
    }

    [Fact]
    public void Security_group_ports_open_to_the_internet_are_high()
    {
        Assert.All(
            Catalogs.Default.Controls.Where(c => c.Service == "Security group" && c.Exposures.Count > 0),
            c => Assert.Equal(ControlSeverity.High, c.Severity));
    }

    private static List<string> BuiltInControlsOrder()
    {
        var builtIn = typeof(Control).Assembly.GetType("CloudPI.Controls.BuiltInControls", throwOnError: true)!;
        var all = (IReadOnlyList<Control>)builtIn.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return all.Select(c => c.Id).ToList();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$")]
    private static partial Regex ResourceType();
}
