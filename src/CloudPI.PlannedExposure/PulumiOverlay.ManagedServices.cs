using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPI.Controls.Policies;
using CloudPI.Graph.Synthetic;
using CloudPI.Iac.Model;
using static CloudPI.PlannedExposure.PulumiTypes;

namespace CloudPI.PlannedExposure;

/// <summary>
/// Managed services in Cartography's shapes: RDS instances (and Aurora cluster members) in their DB subnet groups and security groups, Lambda
/// functions and whether their resource policy lets anyone invoke them, S3 buckets (see the buckets part). Pulumi names these by name or identifier
/// where Cartography keys them by ARN, so existing ones are found by property.
/// </summary>
public sealed partial class PulumiOverlay
{
    private void AddManagedService(IacResource r, string type)
    {
        switch (type)
        {
            case DbSubnetGroup:
                AddDbSubnetGroup(r);
                break;
            case DbInstance:
                AddDbInstance(r);
                break;
            case DbCluster:
                AddDbCluster(r);
                break;
            case DbClusterInstance:
                AddDbClusterInstance(r);
                break;
            case Function:
                AddFunction(r);
                break;
            case FunctionPermission:
                AddFunctionPermission(r);
                break;
            case Bucket or BucketV2:
                AddBucket(r);
                break;
            case BucketPolicy:
                AddBucketPolicy(r);
                break;
            case BucketPublicAccessBlock:
                AddBucketPublicAccessBlock(r);
                break;
            case Eip:
                AddElasticIp(r);
                break;
            case EipAssociation:
                AssociateElasticIp(r);
                break;
            case FunctionUrl:
                // A URL grants nothing by itself: with auth type NONE, anyone may call it only once a resource-policy
                // permission lets every principal invoke the function, and that permission is what is judged.
                break;
        }
    }

    private void RemoveManagedService(IacResource r, string type)
    {
        if (type is DbSubnetGroup or DbInstance or DbCluster or DbClusterInstance or Function && ExistingManagedService(r) is { } node)
        {
            Changed(_graph.IdOf(node), r);
            _graph.Remove(node);
        }
        else if (type is Bucket or BucketV2 && r.Id is { } name && _graph.Find(name, SyntheticLabels.S3Bucket[0]) is { } bucket)
        {
            Changed(name, r);
            foreach (var statement in _graph.OutOf("POLICY_STATEMENT", bucket).ToList())
            {
                _graph.Remove(statement);
            }

            _graph.Remove(bucket);
        }
        else if (type is BucketPolicy or BucketPublicAccessBlock)
        {
            RemoveFromBucket(r, type);
        }
        else if (type is Eip or EipAssociation)
        {
            RemoveElasticIp(r, type);
        }
    }

    /// <summary>The live node of a managed-service resource the preview names by name or identifier, if any.</summary>
    private string? ExistingManagedService(IacResource r) => Normalise(r.Type) switch
    {
        DbSubnetGroup => (r.IsCreated ? null : r.Id) is { } name ? _graph.FindBy(SyntheticLabels.DbSubnetGroup[0], "name", name) : null,
        DbCluster => (r.IsCreated ? null : r.Id) is { } cluster ? _graph.FindBy(SyntheticLabels.RdsCluster[0], "db_cluster_identifier", cluster) : null,
        DbInstance or DbClusterInstance => r.IsCreated ? null
            : new[] { ("db_instance_identifier", r.Property("identifier").String), ("dbi_resource_id", r.Id), ("db_instance_identifier", r.Id) }
                .Where(p => p.Item2 is not null)
                .Select(p => _graph.FindBy(SyntheticLabels.RdsInstance[0], p.Item1, p.Item2!))
                .FirstOrDefault(k => k is not null),
        Function => (r.IsCreated ? null : r.Id) is { } name ? _graph.FindBy(SyntheticLabels.Lambda[0], "name", name) : null,
        Eip => (r.IsCreated ? null : r.Id) is { } allocation ? _graph.FindBy(SyntheticLabels.ElasticIp[0], "allocation_id", allocation) : null,
        _ => null,
    };

    /// <summary>The Cartography id (an ARN) of a managed-service resource: the live node's, else one minted from its name.</summary>
    private string? ManagedServiceId(IacResource r) => Normalise(r.Type) switch
    {
        DbSubnetGroup or DbInstance or DbCluster or DbClusterInstance or Function or Eip when ExistingManagedService(r) is { } node => _graph.IdOf(node),
        Eip => $"eipalloc-planned-{r.Name}",
        DbSubnetGroup => $"arn:aws:rds:{Region}:planned:subgrp:{DbSubnetGroupName(r)}",
        DbInstance or DbClusterInstance => $"arn:aws:rds:{Region}:planned:db:{r.Property("identifier").String ?? r.Name}",
        DbCluster => $"arn:aws:rds:{Region}:planned:cluster:{r.Property("clusterIdentifier").String ?? r.Name}",
        Function => $"arn:aws:lambda:{Region}:planned:function:{FunctionName(r)}",
        Bucket or BucketV2 => BucketName(r),
        _ => null,
    };

    private string Region => _stack.Config.GetValueOrDefault("aws:region") ?? "planned";

    private static string DbSubnetGroupName(IacResource r) => r.Property("name").String ?? r.Name;

    private static string FunctionName(IacResource r) => r.Property("name").String ?? r.Name;

    /// <summary>A DB subnet group: Cartography links it to its subnets with <c>RESOURCE</c>; a new list replaces the old.</summary>
    private void AddDbSubnetGroup(IacResource r)
    {
        var id = ManagedServiceId(r)!;
        var group = Node(r, id, SyntheticLabels.DbSubnetGroup, ("arn", id), ("name", ExistingManagedService(r) is { } live ? _graph.Property(live, "name") : DbSubnetGroupName(r)));
        if (r.Inputs["subnetIds"].IsMissing)
        {
            return;
        }

        _graph.Unlink("RESOURCE", group);
        foreach (var subnet in Refs(r, "subnetIds", id, SyntheticLabels.Subnet))
        {
            _graph.Link("RESOURCE", group, subnet);
        }
    }

    /// <summary>
    /// An RDS instance: publicly accessible or not, in a DB subnet group's subnets, behind its security groups,
    /// listening on its port (given, else the engine's default). An existing instance keeps what the change leaves out.
    /// </summary>
    private void AddDbInstance(IacResource r) => AddDatabase(r, r);

    /// <summary>
    /// An Aurora cluster member: its own public accessibility, its cluster's groups, subnet group and port (Cartography
    /// links them to each member). From the cluster in the stack, else copied from a live member of the cluster.
    /// </summary>
    private void AddDbClusterInstance(IacResource r)
    {
        var planned = _stack.Targets(r, "clusterIdentifier").FirstOrDefault(t => Normalise(t.Type) == DbCluster);
        var cluster = planned is not null ? _graph.Find(ManagedServiceId(planned)!, SyntheticLabels.RdsCluster[0])
            : r.Property("clusterIdentifier").String is { } name ? _graph.FindBy(SyntheticLabels.RdsCluster[0], "db_cluster_identifier", name) : null;
        var database = AddDatabase(r, planned ?? r);
        if (cluster is null)
        {
            Unknown(r, "clusterIdentifier", _graph.IdOf(database));
            return;
        }

        if (planned is null && r.IsCreated && _graph.Into("IS_CLUSTER_MEMBER_OF", cluster).FirstOrDefault() is { } sibling)
        {
            foreach (var type in new[] { "MEMBER_OF_EC2_SECURITY_GROUP", "MEMBER_OF_DB_SUBNET_GROUP" })
            {
                foreach (var linked in _graph.OutOf(type, sibling))
                {
                    _graph.Link(type, database, linked);
                }
            }

            _graph.Upsert(_graph.IdOf(database), SyntheticLabels.RdsInstance, [new("endpoint_port", _graph.Property(sibling, "endpoint_port"))]);
        }

        _graph.Upsert(_graph.IdOf(database), SyntheticLabels.RdsInstance, [new("db_cluster_identifier", _graph.Property(cluster, "db_cluster_identifier"))]);
        _graph.Link("IS_CLUSTER_MEMBER_OF", database, cluster);
    }

    /// <summary>A cluster's groups, subnet group and port hold for every member: a change to them reaches each live member.</summary>
    private void AddDbCluster(IacResource r)
    {
        var id = ManagedServiceId(r)!;
        var cluster = Node(r, id, SyntheticLabels.RdsCluster, ("arn", id),
            ("db_cluster_identifier", r.Property("clusterIdentifier").String ?? (ExistingManagedService(r) is { } live ? _graph.Property(live, "db_cluster_identifier") : r.Name)),
            ("engine", r.Property("engine").String));
        foreach (var member in _graph.Into("IS_CLUSTER_MEMBER_OF", cluster))
        {
            ApplyDatabaseSettings(r, member, _graph.IdOf(member), _graph.Property(member, "engine") as string);
        }
    }

    /// <summary>Creates or rewrites an instance from <paramref name="r"/>, its network settings from <paramref name="settings"/> (itself or its cluster).</summary>
    private string AddDatabase(IacResource r, IacResource settings)
    {
        var id = ManagedServiceId(r)!;
        var existing = ExistingManagedService(r);
        var accessible = r.Property("publiclyAccessible");
        bool? publiclyAccessible = accessible.IsUnknown ? null : accessible.Bool ?? (existing is null ? false : _graph.Property(existing, "publicly_accessible") as bool? ?? false);
        var engine = r.Property("engine").String ?? (existing is null ? null : _graph.Property(existing, "engine") as string);
        var database = Node(r, id, SyntheticLabels.RdsInstance, ("arn", id), ("db_instance_identifier", r.Property("identifier").String ?? (existing is null ? r.Name : _graph.Property(existing, "db_instance_identifier"))),
            ("engine", engine), ("publicly_accessible", Decide(r, "publiclyAccessible", id, publiclyAccessible)),
            ("availability_zone", r.Property("availabilityZone").String ?? (existing is null ? null : _graph.Property(existing, "availability_zone"))));
        ApplyDatabaseSettings(settings, database, id, engine);
        return database;
    }

    /// <summary>The port, DB subnet group and security groups <paramref name="settings"/> gives an instance (what it leaves out stays).</summary>
    private void ApplyDatabaseSettings(IacResource settings, string database, string id, string? engine)
    {
        var port = settings.Property("port").Integer ?? _graph.Property(database, "endpoint_port") as long? ?? DefaultPort(engine);
        if (settings.Property("port").IsUnknown && port is null)
        {
            Unknown(settings, "port", id);
        }

        _graph.Upsert(id, SyntheticLabels.RdsInstance, [new("endpoint_port", port)]);
        if (!settings.Inputs["dbSubnetGroupName"].IsMissing)
        {
            _graph.Unlink("MEMBER_OF_DB_SUBNET_GROUP", database);
            if (DbSubnetGroupOf(settings, id) is { } group)
            {
                _graph.Link("MEMBER_OF_DB_SUBNET_GROUP", database, group);
            }
        }

        if (!settings.Inputs["vpcSecurityGroupIds"].IsMissing)
        {
            _graph.Unlink("MEMBER_OF_EC2_SECURITY_GROUP", database);
            foreach (var group in Refs(settings, "vpcSecurityGroupIds", id, SyntheticLabels.SecurityGroup))
            {
                _graph.Link("MEMBER_OF_EC2_SECURITY_GROUP", database, group);
            }
        }

        Changed(id, settings);
    }

    /// <summary>The DB subnet group an instance names: a group of the stack, else a live group of that name.</summary>
    private string? DbSubnetGroupOf(IacResource r, string databaseId)
    {
        if (_stack.Targets(r, "dbSubnetGroupName").FirstOrDefault(t => Normalise(t.Type) == DbSubnetGroup) is { } planned)
        {
            return _graph.Find(ManagedServiceId(planned)!, SyntheticLabels.DbSubnetGroup[0]);
        }

        if (r.Property("dbSubnetGroupName").String is { } name)
        {
            return _graph.FindBy(SyntheticLabels.DbSubnetGroup[0], "name", name);
        }

        Unknown(r, "dbSubnetGroupName", databaseId);
        return null;
    }

    /// <summary>The port each engine listens on unless told otherwise.</summary>
    private static long? DefaultPort(string? engine) => engine switch
    {
        null => null,
        _ when engine.Contains("postgres", StringComparison.Ordinal) => 5432,
        _ when engine.Contains("mysql", StringComparison.Ordinal) || engine is "mariadb" or "aurora" => 3306,
        _ when engine.StartsWith("oracle", StringComparison.Ordinal) => 1521,
        _ when engine.StartsWith("sqlserver", StringComparison.Ordinal) => 1433,
        _ when engine.StartsWith("db2", StringComparison.Ordinal) => 50000,
        _ => null,
    };

    /// <summary>A function; an existing one keeps its name and what the change leaves out.</summary>
    private void AddFunction(IacResource r)
    {
        var live = ExistingManagedService(r);
        Node(r, ManagedServiceId(r)!, SyntheticLabels.Lambda, ("arn", ManagedServiceId(r)), ("name", live is null ? FunctionName(r) : _graph.Property(live, "name")),
            ("runtime", r.Property("runtime").String ?? (live is null ? null : _graph.Property(live, "runtime"))));
    }

    /// <summary>
    /// A permission is one statement of the function's resource policy, judged by the shared public-statement rule:
    /// public when it lets every principal in with no condition tying the caller to an account, source or
    /// organisation. Cartography keeps only the verdict on the function (<c>anonymous_access</c>).
    /// </summary>
    private void AddFunctionPermission(IacResource r)
    {
        var function = _stack.Targets(r, "function").FirstOrDefault(t => Normalise(t.Type) == Function) is { } planned
            ? _graph.Find(ManagedServiceId(planned)!, SyntheticLabels.Lambda[0])
            : r.Property("function").String is { } named ? _graph.Find(named, SyntheticLabels.Lambda[0]) ?? _graph.FindBy(SyntheticLabels.Lambda[0], "name", named) : null;
        if (function is null)
        {
            if (r.Property("function").IsUnknown)
            {
                Unknown(r, "function", r.Urn);
            }

            return;
        }

        var id = _graph.IdOf(function);
        Changed(id, r);
        bool? isPublic = r.Property("principal").IsUnknown ? null : PublicPolicy.Evaluate(1, r.Name, "Allow", PermissionPrincipal(r.Property("principal").String), PermissionCondition(r)) is not null;
        if (Decide(r, "principal", id, isPublic))
        {
            var actions = (_graph.Property(function, "anonymous_actions") as IEnumerable<object?> ?? []).OfType<string>()
                .Append(r.Property("action").String ?? "lambda:InvokeFunction").Distinct().ToList<object?>();
            _graph.Upsert(id, SyntheticLabels.Lambda, [new("anonymous_access", true), new("anonymous_actions", actions)]);
        }
        else if (_graph.Property(function, "anonymous_access") is null)
        {
            // The function now has a resource policy, and this statement is not public.
            _graph.Upsert(id, SyntheticLabels.Lambda, [new("anonymous_access", false)]);
        }
    }

    /// <summary>The statement's principal as the function's policy states it: <c>*</c>, a service, else an account or ARN.</summary>
    private static JsonElement PermissionPrincipal(string? principal) => Element(principal switch
    {
        null or "*" => JsonValue.Create("*"),
        _ when principal.EndsWith(".amazonaws.com", StringComparison.Ordinal) => new JsonObject { ["Service"] = principal },
        _ => new JsonObject { ["AWS"] = principal },
    });

    /// <summary>The conditions a permission's arguments add to its statement (a value known only at deployment still ties it).</summary>
    private static JsonElement PermissionCondition(IacResource r)
    {
        var condition = new JsonObject();
        foreach (var (property, operation, key) in new[]
        {
            ("sourceArn", "ArnLike", "AWS:SourceArn"), ("sourceAccount", "StringEquals", "AWS:SourceAccount"),
            ("principalOrgId", "StringEquals", "aws:PrincipalOrgID"), ("functionUrlAuthType", "StringEquals", "lambda:FunctionUrlAuthType"),
        })
        {
            var value = r.Property(property);
            if (!value.IsMissing)
            {
                var block = condition[operation] as JsonObject ?? (JsonObject)(condition[operation] = new JsonObject())!;
                block[key] = value.String ?? "known at deployment";
            }
        }

        return Element(condition);
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
