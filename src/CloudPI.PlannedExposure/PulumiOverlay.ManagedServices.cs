using CloudPI.Graph.Synthetic;
using CloudPI.Iac.Model;
using static CloudPI.PlannedExposure.PulumiTypes;

namespace CloudPI.PlannedExposure;

/// <summary>
/// Managed services in Cartography's shapes: RDS instances in their DB subnet groups and security groups. Pulumi
/// names these by name or identifier where Cartography keys them by ARN, so existing ones are found by property.
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
        }
    }

    private void RemoveManagedService(IacResource r, string type)
    {
        if (type is DbSubnetGroup or DbInstance && ExistingManagedService(r) is { } node)
        {
            Changed(_graph.IdOf(node), r);
            _graph.Remove(node);
        }
    }

    /// <summary>The live node of a managed-service resource the preview names by name or identifier, if any.</summary>
    private string? ExistingManagedService(IacResource r) => Normalise(r.Type) switch
    {
        DbSubnetGroup => (r.IsCreated ? null : r.Id) is { } name ? _graph.FindBy(SyntheticLabels.DbSubnetGroup[0], "name", name) : null,
        DbInstance => r.IsCreated ? null
            : new[] { ("db_instance_identifier", r.Property("identifier").String), ("dbi_resource_id", r.Id), ("db_instance_identifier", r.Id) }
                .Where(p => p.Item2 is not null)
                .Select(p => _graph.FindBy(SyntheticLabels.RdsInstance[0], p.Item1, p.Item2!))
                .FirstOrDefault(k => k is not null),
        _ => null,
    };

    /// <summary>The Cartography id (an ARN) of a managed-service resource: the live node's, else one minted from its name.</summary>
    private string? ManagedServiceId(IacResource r) => Normalise(r.Type) switch
    {
        DbSubnetGroup or DbInstance when ExistingManagedService(r) is { } node => _graph.IdOf(node),
        DbSubnetGroup => $"arn:aws:rds:{Region}:planned:subgrp:{DbSubnetGroupName(r)}",
        DbInstance => $"arn:aws:rds:{Region}:planned:db:{r.Property("identifier").String ?? r.Name}",
        _ => null,
    };

    private string Region => _stack.Config.GetValueOrDefault("aws:region") ?? "planned";

    private static string DbSubnetGroupName(IacResource r) => r.Property("name").String ?? r.Name;

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
    private void AddDbInstance(IacResource r)
    {
        var id = ManagedServiceId(r)!;
        var existing = ExistingManagedService(r);
        var accessible = r.Property("publiclyAccessible");
        bool? publiclyAccessible = accessible.IsUnknown ? null : accessible.Bool ?? (existing is null ? false : _graph.Property(existing, "publicly_accessible") as bool? ?? false);
        var engine = r.Property("engine").String ?? (existing is null ? null : _graph.Property(existing, "engine") as string);
        var port = r.Property("port").Integer ?? (existing is null ? DefaultPort(engine) : _graph.Property(existing, "endpoint_port") as long? ?? DefaultPort(engine));
        if (r.Property("port").IsUnknown && port is null)
        {
            Unknown(r, "port", id);
        }

        var database = Node(r, id, SyntheticLabels.RdsInstance, ("arn", id), ("db_instance_identifier", r.Property("identifier").String ?? (existing is null ? r.Name : _graph.Property(existing, "db_instance_identifier"))),
            ("engine", engine), ("endpoint_port", port), ("publicly_accessible", Decide(r, "publiclyAccessible", id, publiclyAccessible)),
            ("availability_zone", r.Property("availabilityZone").String ?? (existing is null ? null : _graph.Property(existing, "availability_zone"))));
        if (!r.Inputs["dbSubnetGroupName"].IsMissing)
        {
            _graph.Unlink("MEMBER_OF_DB_SUBNET_GROUP", database);
            if (DbSubnetGroupOf(r, id) is { } group)
            {
                _graph.Link("MEMBER_OF_DB_SUBNET_GROUP", database, group);
            }
        }

        if (!r.Inputs["vpcSecurityGroupIds"].IsMissing)
        {
            _graph.Unlink("MEMBER_OF_EC2_SECURITY_GROUP", database);
            foreach (var group in Refs(r, "vpcSecurityGroupIds", id, SyntheticLabels.SecurityGroup))
            {
                _graph.Link("MEMBER_OF_EC2_SECURITY_GROUP", database, group);
            }
        }
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
}
