namespace CloudPI.Controls;

/// <summary>What a failed control lets an attacker (or an accident) do, which decides how context changes its priority.</summary>
public enum RiskKind
{
    /// <summary>Network access that should not exist (an open port): exploitable only if reachable.</summary>
    NetworkExposure,

    /// <summary>Data or a resource made public by policy or ACL (public bucket, queue, snapshot): exploitable by definition unless blocked.</summary>
    PublicAccess,

    /// <summary>Credential or privilege weakness on a compute resource (IMDSv1, privileged container, secrets in env).</summary>
    PrivilegeExposure,

    /// <summary>A container that can break out to its host (privileged, root, the host's process or network namespace):
    /// whoever gets code execution in it gets the host, its role and every task on it.</summary>
    ContainerEscape,

    /// <summary>An identity another party can take on (a role trusting a third-party account): usable by that party by definition.</summary>
    ExternalTrust,

    /// <summary>Data at rest or in transit without the protection it should have: raises the impact of any path that reaches it.</summary>
    DataProtection,

    /// <summary>Missing logging or monitoring: raises the cost of an incident, not its likelihood.</summary>
    Visibility,

    /// <summary>Loss of availability or recoverability (deletion protection, backups, multi-AZ).</summary>
    Availability,

    /// <summary>Hygiene and maintenance (unused resources, versions, patching).</summary>
    Hygiene,
}
