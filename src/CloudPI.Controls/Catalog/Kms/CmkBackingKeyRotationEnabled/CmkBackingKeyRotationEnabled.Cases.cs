namespace CloudPI.Catalog.Tests.Cases;

/// <summary>cmk-backing-key-rotation-enabled: a KMS key as Pulumi declares it (Cartography stores no rotation setting).</summary>
internal sealed class CmkBackingKeyRotationEnabledCases : IControlCases
{
    public string ControlId => "cmk-backing-key-rotation-enabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("{'enableKeyRotation':false}", Expected.Fail, Pulumi: p => p.Add("aws:kms/key:Key", "k", """{"enableKeyRotation":false}"""), PulumiResource: "k"),
        new("{'enableKeyRotation':true}", Expected.Pass, Pulumi: p => p.Add("aws:kms/key:Key", "k", """{"enableKeyRotation":true}"""), PulumiResource: "k"),
    ];
}
