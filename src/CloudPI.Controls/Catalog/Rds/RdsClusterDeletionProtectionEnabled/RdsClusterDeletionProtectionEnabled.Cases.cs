namespace CloudPI.Catalog.Tests.Cases;

/// <summary>rds-cluster-deletion-protection-enabled: an Aurora cluster as Pulumi declares it (the graph holds no cluster flag).</summary>
internal sealed class RdsClusterDeletionProtectionEnabledCases : IControlCases
{
    public string ControlId => "rds-cluster-deletion-protection-enabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("{'deletionProtection':false}", Expected.Fail, Pulumi: p => p.Add("aws:rds/cluster:Cluster", "c", """{"deletionProtection":false}"""), PulumiResource: "c"),
        new("{'deletionProtection':true}", Expected.Pass, Pulumi: p => p.Add("aws:rds/cluster:Cluster", "c", """{"deletionProtection":true}"""), PulumiResource: "c"),
    ];
}
