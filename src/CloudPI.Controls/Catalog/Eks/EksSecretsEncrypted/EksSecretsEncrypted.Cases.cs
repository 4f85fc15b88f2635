namespace CloudPI.Catalog.Tests.Cases;

/// <summary>eks-secrets-encrypted: an EKS cluster's secrets encryption as Pulumi declares it (not in the graph).</summary>
internal sealed class EksSecretsEncryptedCases : IControlCases
{
    public string ControlId => "eks-secrets-encrypted";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("{'encryptionConfig':{'provider':{'keyArn':'arn:k'},'resources':[]}}", Expected.Fail, Pulumi: p => p.Add("aws:eks/cluster:Cluster", "c", """{"encryptionConfig":{"provider":{"keyArn":"arn:k"},"resources":[]}}"""), PulumiResource: "c"),
        new("{'encryptionConfig':{'provider':{'keyArn':'arn:aws:kms:eu-west-1:1:key/k'},'resources':['secrets']}}", Expected.Pass, Pulumi: p => p.Add("aws:eks/cluster:Cluster", "c", """{"encryptionConfig":{"provider":{"keyArn":"arn:aws:kms:eu-west-1:1:key/k"},"resources":["secrets"]}}"""), PulumiResource: "c"),
    ];
}
