namespace CloudPI.Graph.Synthetic;

/// <summary>One inbound rule: from CIDRs or from another group of the same VPC (by template name).</summary>
internal sealed record RuleTemplate(string Protocol, int? FromPort, int? ToPort, string[] Cidrs, string? SourceGroup = null);

internal sealed record GroupTemplate(string Name, string Description, RuleTemplate[] Inbound);

/// <summary>The security groups every synthetic VPC has; workloads pick one by name.</summary>
internal static class SecurityGroupTemplates
{
    public const string World = "0.0.0.0/0";
    public const string OfficeRange = "203.0.113.0/24";
    public const string PrivateRange = "10.0.0.0/8";

    public const string Default = "default";
    public const string WebPublic = "web-public";
    public const string SshOpen = "ssh-open";
    public const string RdpOpen = "rdp-open";
    public const string OfficeOnly = "office-only";
    public const string SplitOpen = "split-open";
    public const string Internal = "internal";
    public const string AppFromWeb = "app-from-web";
    public const string DbPrivate = "db-private";
    public const string DbPublic = "db-public";

    /// <summary>In creation order: a group referenced by another comes first.</summary>
    public static readonly GroupTemplate[] All =
    [
        new(Default, "default VPC security group", [new("-1", null, null, [], Default)]),
        new(WebPublic, "HTTP and HTTPS from anywhere", [new("tcp", 443, 443, [World]), new("tcp", 80, 80, [World])]),
        new(SshOpen, "SSH from anywhere", [new("tcp", 22, 22, [World])]),
        new(RdpOpen, "RDP from anywhere", [new("tcp", 3389, 3389, [World])]),
        new(OfficeOnly, "SSH and HTTPS from the office", [new("tcp", 22, 22, [OfficeRange]), new("tcp", 443, 443, [OfficeRange])]),
        // Two halves that together cover the whole internet: exact-0.0.0.0/0 matching misses this.
        new(SplitOpen, "SSH from two halves of the internet", [new("tcp", 22, 22, ["0.0.0.0/1", "128.0.0.0/1"])]),
        new(Internal, "all TCP from the private network", [new("tcp", 0, 65535, [PrivateRange])]),
        new(AppFromWeb, "8080 from the web tier", [new("tcp", 8080, 8080, [], WebPublic)]),
        new(DbPrivate, "Postgres from the private network", [new("tcp", 5432, 5432, [PrivateRange])]),
        new(DbPublic, "Postgres and Redshift from anywhere", [new("tcp", 5432, 5432, [World]), new("tcp", 5439, 5439, [World])]),
    ];
}
