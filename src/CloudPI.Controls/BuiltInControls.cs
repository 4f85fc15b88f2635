using CloudPI.Controls.Catalog.Ebs;
using CloudPI.Controls.Catalog.Ec2;
using CloudPI.Controls.Catalog.Ecs;
using CloudPI.Controls.Catalog.Eks;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Controls.Catalog.Iam;
using CloudPI.Controls.Catalog.Kms;
using CloudPI.Controls.Catalog.Lambda;
using CloudPI.Controls.Catalog.Rds;
using CloudPI.Controls.Catalog.Redshift;
using CloudPI.Controls.Catalog.S3;
using CloudPI.Controls.Catalog.SecurityGroup;
using CloudPI.Controls.Catalog.Sqs;
using CloudPI.Controls.Catalog.Vpc;

namespace CloudPI.Controls;

/// <summary>The list of built-in controls; a test checks that every control declared under Catalog/ is listed here.</summary>
internal static class BuiltInControls
{
    /// <summary>Every built-in control, ordered by id.</summary>
    public static IReadOnlyList<Control> All { get; } =
    [
        CmkBackingKeyRotationEnabled.Control,
        DbInstanceBackupEnabled.Control,
        EbsSnapshotPublicRestorableCheck.Control,
        Ec2EbsEncryptionByDefault.Control,
        Ec2Imdsv2Check.Control,
        Ec2InstanceManagedBySystemsManager.Control,
        Ec2InstanceNoPublicIp.Control,
        Ec2InstanceProfileAttached.Control,
        Ec2InstancesInVpc.Control,
        Ec2LaunchTemplateImdsv2Check.Control,
        Ec2ManagedinstancePatchComplianceStatusCheck.Control,
        Ec2SecurityGroupAttachedToEniPeriodic.Control,
        Ec2StoppedInstance.Control,
        Ec2VolumeInuseCheck.Control,
        EcsContainerInsightsEnabled.Control,
        EcsContainersNonprivileged.Control,
        EcsContainersReadonlyAccess.Control,
        EcsFargateLatestPlatformVersion.Control,
        EcsNoEnvironmentSecrets.Control,
        EcsServiceAssignPublicIpDisabled.Control,
        EcsTaskDefinitionLogConfiguration.Control,
        EcsTaskDefinitionNonrootUser.Control,
        EcsTaskDefinitionPidModeCheck.Control,
        EcsTaskDefinitionUserForHostModeCheck.Control,
        EipAttached.Control,
        EksClusterLogEnabled.Control,
        EksClusterSupportedVersion.Control,
        EksEndpointNoPublicAccess.Control,
        EksResourcesTagged.Control,
        EksSecretsEncrypted.Control,
        EncryptedVolumes.Control,
        IamRoleThirdPartyTrust.Control,
        InternetExposedCluster.Control,
        InternetExposedDatabase.Control,
        InternetExposedFunction.Control,
        InternetExposedInstance.Control,
        InternetExposedLoadBalancer.Control,
        InternetExposedTask.Control,
        InternetGatewayAuthorizedVpcOnly.Control,
        KmsCmkNotScheduledForDeletion.Control,
        KmsKeyPolicyNoPublicAccess.Control,
        LambdaDlqCheck.Control,
        LambdaFunctionPublicAccessProhibited.Control,
        LambdaFunctionSettingsCheck.Control,
        LambdaInsideVpc.Control,
        LambdaVpcMultiAzCheck.Control,
        NaclNoUnrestrictedSshRdp.Control,
        PlannedInternetExposure.Control,
        RdsAutomaticMinorVersionUpgradeEnabled.Control,
        RdsClusterDeletionProtectionEnabled.Control,
        RdsClusterEncryptedAtRest.Control,
        RdsInstanceDeletionProtectionEnabled.Control,
        RdsInstanceIamAuthenticationEnabled.Control,
        RdsInstancePublicAccessCheck.Control,
        RdsLoggingEnabled.Control,
        RdsMultiAzSupport.Control,
        RdsSnapshotEncrypted.Control,
        RdsSnapshotsPublicProhibited.Control,
        RdsStorageEncrypted.Control,
        RedshiftAuditLoggingEnabled.Control,
        RedshiftBackupEnabled.Control,
        RedshiftClusterConfigurationCheck.Control,
        RedshiftClusterKmsEnabled.Control,
        RedshiftClusterMaintenancesettingsCheck.Control,
        RedshiftClusterPublicAccessCheck.Control,
        RedshiftEnhancedVpcRoutingEnabled.Control,
        RedshiftRequireTlsSsl.Control,
        RestrictedCommonPorts.Control,
        RestrictedSsh.Control,
        S3AccountLevelPublicAccessBlocksPeriodic.Control,
        S3BucketAclProhibited.Control,
        S3BucketLevelPublicAccessProhibited.Control,
        S3BucketLoggingEnabled.Control,
        S3BucketPublicReadProhibited.Control,
        S3BucketPublicWriteProhibited.Control,
        S3BucketServerSideEncryptionEnabled.Control,
        S3BucketSslRequestsOnly.Control,
        S3BucketVersioningEnabled.Control,
        S3DefaultEncryptionKms.Control,
        SqsQueueNoPublicAccess.Control,
        SqsQueuePolicyFullAccessCheck.Control,
        SubnetAutoAssignPublicIpDisabled.Control,
        VpcDefaultSecurityGroupClosed.Control,
        VpcFlowLogsEnabled.Control,
        VpcNetworkAclUnusedCheck.Control,
        VpcSgOpenOnlyToAuthorizedPorts.Control,
        VpcSgPortRestrictionCheck.Control,
    ];
}
