using System.Text.Json;
using System.Text.RegularExpressions;
using CloudPI.Graph.Cartography;
using CloudPI.TestSupport;

namespace CloudPI.Graph.Neo4j.Tests;

/// <summary>
/// No Neo4j server runs here, so Neo4j's own Cypher language support (npm @neo4j-cypher/language-support) is the
/// check: every query CloudPI sends must parse, and must name only labels and relationship types of the Cartography
/// schema (taken from the schema reference).
/// </summary>
public partial class CypherLintTests
{
    [NodeFact]
    public async Task Every_query_parses_and_uses_only_cartography_labels_and_relationship_types()
    {
        var results = await LintAsync(CartographyQueries.All.Select(q => (q.Name, q.Text)));

        Assert.Equal(CartographyQueries.All.Count, results.Count);
        Assert.All(results, result =>
        {
            // id() is deprecated on 5.x but is the only identity function Neo4j 4.4 has, so the 4.4 variants keep it.
            var problems = result.Diagnostics
                .Where(d => !(result.Name.EndsWith("-4.4", StringComparison.Ordinal) && d.Message.Contains("deprecated function", StringComparison.Ordinal)))
                .ToList();
            Assert.True(problems.Count == 0, $"{result.Name}: {string.Join("; ", problems.Select(d => $"[{d.Severity}] {d.Message}"))}");
        });
    }

    [NodeFact]
    public async Task The_linter_reports_syntax_errors_and_unknown_schema_names()
    {
        var results = await LintAsync(
        [
            ("broken", "MATCH (a:AWSAccount RETURN a"),
            ("misspelled", "MATCH (a:AWSAcount)-[:RESORCE]->(n) RETURN n"),
        ]);

        Assert.Contains(results[0].Diagnostics, d => d.Severity == 1);
        Assert.Contains(results[1].Diagnostics, d => d.Message.Contains("Label AWSAcount is not present", StringComparison.Ordinal));
        Assert.Contains(results[1].Diagnostics, d => d.Message.Contains("Relationship type RESORCE is not present", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_label_the_analyses_read_is_in_the_cartography_schema()
    {
        var (labels, _) = CartographySchema();

        Assert.All(Neo4jGraphLoader.AnalysedLabels, label => Assert.Contains(label, labels));
    }

    private static async Task<IReadOnlyList<LintResult>> LintAsync(IEnumerable<(string Name, string Cypher)> queries)
    {
        var (labels, relationshipTypes) = CartographySchema();
        var input = JsonSerializer.Serialize(new
        {
            schema = new { labels, relationshipTypes },
            queries = queries.Select(q => new { name = q.Name, cypher = q.Cypher }),
        });
        var output = await NodeTool.RunAsync("cypher-lint", "lint.mjs", input);
        return JsonSerializer.Deserialize<List<LintResult>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    /// <summary>
    /// Labels and relationship types named in the Cartography schema reference: backticked identifiers, and the
    /// names inside arrows (<c>-RESOURCE-&gt;</c>, <c>[:RESOURCE]</c>) and node patterns (<c>(:AWSAccount)</c>).
    /// </summary>
    private static (HashSet<string> Labels, HashSet<string> RelationshipTypes) CartographySchema()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "reference", "cartography-schema.md"));
        var names = Identifier().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(Arrow().Matches(text).Select(m => m.Groups[1].Value))
            .Concat(PatternName().Matches(text).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var relationshipTypes = names.Where(n => RelationshipType().IsMatch(n)).ToHashSet(StringComparer.Ordinal);
        var labels = names.Where(n => Label().IsMatch(n)).ToHashSet(StringComparer.Ordinal);
        // The reference writes the ECS family compactly as `AWSECSCluster/Service/Task/Container/...` ("same without AWS").
        foreach (var member in new[] { "Cluster", "Service", "Task", "Container", "TaskDefinition", "ContainerDefinition", "ContainerInstance" })
        {
            labels.Add("AWSECS" + member);
            labels.Add("ECS" + member);
        }

        // Labels the reference does not name, checked against Cartography's models (cartography/models/aws/**).
        labels.UnionWith(LabelsFromCartographySource);
        return (labels, relationshipTypes);
    }

    /// <summary>Read from Cartography's models at 0.140.x: node label and compatibility label of each.</summary>
    private static readonly string[] LabelsFromCartographySource =
    [
        "AWSLaunchTemplate", "LaunchTemplate", // ec2/launch_templates.py, LEGACY_LAUNCH_TEMPLATE
        "LaunchConfiguration", // ec2/launch_configurations.py, LEGACY_LAUNCH_CONFIGURATION
        "S3PolicyStatement", "S3Acl", "S3AccountPublicAccessBlock", // s3/*.py, LEGACY_S3_*
        "EBSSnapshot", "RDSSnapshot", "AWSSNSTopic", "SNSTopic", "AWSECRRepository", "ECRRepository", // ec2/snapshots.py, rds/snapshot.py, sns/topic.py, ecr/repository.py
        "AWSAPIGatewayResource", "APIGatewayResource", "AWSAPIGatewayMethod", "APIGatewayMethod", // apigateway/*.py, LEGACY_API_GATEWAY_*
        "AWSAPIGatewayIntegration", "APIGatewayIntegration", "APIGatewayRestAPI", "AWSAPIGatewayV2API", "APIGatewayV2API",
        "AWSCloudFrontDistribution", "CloudFrontDistribution", // cloudfront/distribution.py, LEGACY_CLOUD_FRONT_DISTRIBUTION
        "AWSECRImage", "ECRImage", // ecr/image.py, LEGACY_ECR_IMAGE
        "AWSInspectorFinding", "AWSInspectorPackage", // inspector/findings.py, inspector/packages.py (no legacy label)
        "AWSPeeringConnection", // ec2/vpc_peering.py
    ];

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_]*)`")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?:-|\[:)([A-Z][A-Z0-9_]+)(?:->|\]|\s*\{)")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"\(\w*:([A-Z][A-Za-z0-9]+)")]
    private static partial Regex PatternName();

    // Relationship types are upper snake case (RESOURCE, MEMBER_OF_EC2_SECURITY_GROUP); labels are Pascal case.
    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex RelationshipType();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$")]
    private static partial Regex Label();

    private sealed record LintResult(string Name, List<LintDiagnostic> Diagnostics);

    private sealed record LintDiagnostic(int Severity, string Message);
}
