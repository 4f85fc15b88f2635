namespace CloudPI.Iac.Checks;

/// <summary>The 13 preventive checks, in the order of the reference's control list.</summary>
public static class IacChecks
{
    public static IReadOnlyList<IacCheck> All { get; } =
    [
        new CmkBackingKeyRotationEnabledCheck(),
        new RestrictedSshCheck(),
        new VpcDefaultSecurityGroupClosedCheck(),
        new VpcFlowLogsEnabledCheck(),
        new EncryptedVolumesCheck(),
        new RdsDeletionProtectionEnabledCheck(),
        new S3BucketPublicAccessCheck(),
        new EksClusterLogEnabledCheck(),
        new EksSecretsEncryptedCheck(),
        new EksResourcesTaggedCheck(),
        new S3BucketSslRequestsOnlyCheck(),
        new S3BucketServerSideEncryptionEnabledCheck(),
        new SqsQueueNoPublicAccessCheck(),
    ];
}
