using System.Text.Json;
using System.Text.RegularExpressions;
using CloudPI.Controls.Network;
using CloudPI.Controls.Policies;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// Resources the internet reaches through an AWS API rather than a network path (S3 buckets, Lambda functions, SQS
/// queues, KMS keys, EBS and RDS snapshots, SNS topics, ECR repositories): reachable when a grant lets anyone in now,
/// by policy, ACL or attribute, or when a public API in front of them invokes them. Unknown, naming what is missing,
/// where Cartography does not store the grant. Block Public Access is stated, not applied (exploitability decides).
/// </summary>
internal sealed partial class PublicGrantPaths(CartographyView view)
{
    /// <summary>The AWS APIs these services are used through.</summary>
    public static readonly TrafficQuery Https = TrafficQuery.Tcp(443);

    private static readonly CartographyKindSet Kinds = new(
        CartographyKinds.S3Bucket, CartographyKinds.Lambda, CartographyKinds.SqsQueue, CartographyKinds.KmsKey,
        CartographyKinds.EbsSnapshot, CartographyKinds.RdsSnapshot, CartographyKinds.SnsTopic, CartographyKinds.EcrRepository);

    private readonly Lazy<ILookup<string, (ApiGatewayRestApi Api, ApiGatewayResource Resource)>> _apisByFunction = new(() => ApisByFunction(view));
    private readonly Lazy<bool> _hasHttpApis = new(() => view.NodesOf(CartographyKinds.ApiGatewayV2Api).Any());

    private readonly S3PublicGrants _s3 = new(view);

    public static bool Handles(GraphNode resource) => Kinds.AnyMatches(resource);

    /// <summary>One path per grant (or one closed or unknown path when there is none).</summary>
    public IEnumerable<PathTrace> Traces(GraphNode resource, TrafficQuery query)
    {
        var id = NetworkTopology.IdOf(resource);
        var trace = PathTrace.FromInternet(id, query);
        if (query.Within(Https) is not { } served)
        {
            yield return trace.Then(LayerOutcome.Closed(new EvidenceStep(
                ReachabilityLayer.Service, id, EvidenceDecision.Denies, $"{id} is used through the AWS API over {Https} only, not {query}", id)));
            yield break;
        }

        trace = trace.Towards(id, served);
        foreach (var grant in Grants(resource, id))
        {
            yield return trace.Then(grant);
        }
    }

    private IEnumerable<LayerOutcome> Grants(GraphNode resource, string id) => resource switch
    {
        _ when CartographyKinds.S3Bucket.Matches(resource) => Bucket(resource, id),
        _ when CartographyKinds.Lambda.Matches(resource) => Function(resource, id),
        _ when CartographyKinds.SqsQueue.Matches(resource) => [Queue(SqsQueue.Wrap(resource), id)],
        _ when CartographyKinds.KmsKey.Matches(resource) => [Flag(resource, id, "anonymous_access", "its key policy lets any principal use it",
            "its key policy grants no public principal", "the key policy of {0} (anonymous_access is null: Cartography could not read it)",
            $"remove the public principal from {id}'s key policy", "kms key policy")],
        _ when CartographyKinds.EbsSnapshot.Matches(resource) => [Flag(resource, id, "ispublic", "it is shared with all AWS accounts: anyone can create a volume from it",
            "it is not shared publicly", "whether {0} is public (ispublic is null: its createVolumePermission was not read)",
            $"remove the public (all) create-volume permission from {id}", "public snapshot")],
        _ when CartographyKinds.RdsSnapshot.Matches(resource) => [Flag(resource, id, "ispublic", "it is shared with all AWS accounts: anyone can restore it",
            "it is not shared publicly", "whether {0} is public (ispublic is null: its restore attribute was not read)",
            $"remove \"all\" from {id}'s restore attribute", "public snapshot")],
        _ => [LayerOutcome.Unknown(ReachabilityLayer.Service, id,
            $"the access policy of {id} (Cartography does not store {(CartographyKinds.SnsTopic.Matches(resource) ? "SNS topic" : "ECR repository")} policies)", id)],
    };

    // ---- S3 ---------------------------------------------------------------------------------------------------------

    private IEnumerable<LayerOutcome> Bucket(GraphNode node, string id)
    {
        var bucket = S3Bucket.Wrap(node);
        var grants = _s3.Of(node, out var unreadable);
        List<LayerOutcome> outcomes =
        [
            .. grants.Select(g => Granted(g.SourceIpRanges, g.NodeId, g.Reason, g.Hop, g.Fix, _s3.Notes(node, g.Kind))),
            .. unreadable.Select(s => LayerOutcome.Unknown(ReachabilityLayer.Service, s, $"the principal or condition of {s} (not valid JSON)", $"s3 policy {s}")),
        ];
        if (outcomes.Count > 0)
        {
            return outcomes;
        }

        var statements = bucket.PolicyStatements.Count();
        if (bucket.AnonymousAccessRecorded is null && statements == 0)
        {
            return [LayerOutcome.Unknown(ReachabilityLayer.Service, id, $"the policy and ACL of {id} (anonymous_access is not recorded: Cartography could not read them)", id)];
        }

        return [LayerOutcome.Closed(
        [
            .. bucket.ServedBy.Where(d => d.Properties.GetBool("enabled") == false)
                .Select(d => Note(NetworkTopology.IdOf(d), $"CloudFront distribution {NetworkTopology.IdOf(d)} serves from {id} but is disabled")),
            new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies,
                $"no public grant: {statements} policy statement(s), none allows a public principal without a restrictive condition; no ACL grant to AllUsers or AuthenticatedUsers; no enabled CloudFront distribution serves it", id),
        ])];
    }

    // ---- Lambda -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Its resource policy (Cartography's <c>anonymous_access</c>; a function URL with auth NONE needs a public
    /// grant), the REST APIs whose integrations invoke it, and HTTP APIs, which Cartography records without their
    /// integrations. Balancers that EXPOSE it are traced by the engine.
    /// </summary>
    private IEnumerable<LayerOutcome> Function(GraphNode function, string id)
    {
        yield return Flag(function, id, "anonymous_access",
            "its resource policy lets any principal invoke it (a function URL with auth type NONE needs exactly such a grant)",
            "its resource policy grants no public principal (a function URL with AWS_IAM auth needs signed requests)",
            null, $"remove the public statement from {id}'s resource policy (or set its function URL's auth type to AWS_IAM)", "lambda policy",
            absent: $"no resource policy was recorded for {id} (Cartography records none when the function has no policy): nothing outside the account may invoke it");
        foreach (var (api, resource) in _apisByFunction.Value[function.Arn ?? id])
        {
            yield return ThroughApi(api, resource, id);
        }

        // An API (v1 or v2) invokes a function through a permission in its resource policy: only a function with a
        // policy (anonymous_access recorded as false) may be invoked by an HTTP API the graph cannot link.
        if (_hasHttpApis.Value && function.Properties.GetBool("anonymous_access") == false)
        {
            yield return LayerOutcome.Unknown(ReachabilityLayer.Service, id,
                $"whether an HTTP or WebSocket API (API Gateway v2) invokes {id}: the graph has such APIs, and Cartography does not ingest their routes or integrations", "api gateway v2");
        }
    }

    private static LayerOutcome ThroughApi(ApiGatewayRestApi api, ApiGatewayResource resource, string functionId)
    {
        var apiId = NetworkTopology.IdOf(api.Node);
        var path = resource.Path ?? NetworkTopology.IdOf(resource.Node);
        var hop = $"api {apiId} {path}";
        var invokes = new EvidenceStep(ReachabilityLayer.Service, apiId, EvidenceDecision.Note, $"REST API {apiId} integrates {path} with {functionId}");
        if (api.ExposedInternet is null)
        {
            return LayerOutcome.Open(invokes).Then(LayerOutcome.Unknown(ReachabilityLayer.Service, apiId, $"the endpoint type of REST API {apiId} (exposed_internet not recorded)", hop));
        }

        if (api.ExposedInternet == false || api.DisableExecuteApiEndpoint)
        {
            return LayerOutcome.Closed(invokes, new EvidenceStep(ReachabilityLayer.Service, apiId, EvidenceDecision.Denies,
                api.DisableExecuteApiEndpoint ? $"REST API {apiId} has its execute-api endpoint disabled" : $"REST API {apiId} is PRIVATE: reachable from VPC endpoints only", hop));
        }

        var methods = resource.Methods.ToList();
        var anonymous = methods.Where(m => m.AuthorizationType == "NONE" && !m.ApiKeyRequired).Select(m => m.HttpMethod ?? "?").ToList();
        if (anonymous.Count == 0)
        {
            var required = methods.Count == 0 ? "no method is recorded" : string.Join(", ", methods.Select(m => $"{m.HttpMethod} requires {(m.ApiKeyRequired ? "an API key" : m.AuthorizationType)}"));
            return LayerOutcome.Closed(invokes, new EvidenceStep(ReachabilityLayer.Service, apiId, EvidenceDecision.Denies,
                $"{api.EndpointType ?? "public"} REST API {apiId}, but no anonymous method on {path}: {required}", hop));
        }

        return LayerOutcome.Open(invokes, new EvidenceStep(ReachabilityLayer.Service, apiId, EvidenceDecision.Allows,
            $"{api.EndpointType ?? "public"} REST API {apiId} serves {string.Join(", ", anonymous)} {path} with authorization NONE", hop)) with
        {
            Fixes = [new FixCandidate(ReachabilityLayer.Service, $"require an authorizer (AWS_IAM, Cognito or a Lambda authorizer) on {string.Join(", ", anonymous)} {path} of REST API {apiId}")],
        };
    }

    /// <summary>REST API resources per invoked function ARN (version or alias qualifiers dropped), built once per graph.</summary>
    private static ILookup<string, (ApiGatewayRestApi Api, ApiGatewayResource Resource)> ApisByFunction(CartographyView view) =>
        view.All<ApiGatewayIntegration>()
            .Select(i => (Integration: i, Match: i.Uri is { } uri ? LambdaInvocation().Match(uri) : Match.Empty))
            .Where(x => x.Match.Success)
            .SelectMany(x => x.Integration.Resources.SelectMany(r => r.Apis.Select(a => (Function: Unqualified(x.Match.Groups["arn"].Value), Api: a, Resource: r))))
            .ToLookup(x => x.Function, x => (x.Api, x.Resource), StringComparer.Ordinal);

    /// <summary><c>arn:aws:lambda:r:a:function:name[:qualifier]</c> → without the qualifier.</summary>
    private static string Unqualified(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 7 ? string.Join(':', parts.Take(7)) : arn;
    }

    [GeneratedRegex(@":lambda:path/[^/]+/functions/(?<arn>arn:[^/]+)/invocations", RegexOptions.CultureInvariant)]
    private static partial Regex LambdaInvocation();

    // ---- SQS and attributes -----------------------------------------------------------------------------------------

    private static LayerOutcome Queue(SqsQueue queue, string id)
    {
        if (queue.Policy is not { Length: > 0 } policy)
        {
            return LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies, "no queue policy: only the owner account's principals may use it", id));
        }

        IReadOnlyList<PublicStatement> statements;
        try
        {
            statements = PublicPolicy.PublicStatements(policy);
        }
        catch (JsonException)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.Service, id, $"the policy of {id} (its policy property is not valid JSON)", id);
        }

        if (statements.Count == 0)
        {
            return LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies,
                "its queue policy grants no public principal without a restrictive condition", id));
        }

        var open = statements.FirstOrDefault(s => s.IsOpenToEveryone) ?? statements[0];
        var name = open.Sid is null ? $"statement {open.Index}" : $"statement {open.Index} ({open.Sid})";
        return Granted(open.SourceIpRanges, id, $"queue policy {name} allows a public principal with no condition that ties the caller to an account, organisation or network{open.SourceIpLimit}",
            "sqs policy", $"remove the public principal from {name} of {id}'s policy (or limit it with aws:SourceArn / aws:PrincipalOrgID)", []);
    }

    /// <summary>A tri-state public flag: true grants, false denies, null is unknown (or, with <paramref name="absent"/>, a closed path saying so).</summary>
    private static LayerOutcome Flag(GraphNode node, string id, string property, string granted, string denied, string? unknown, string fix, string hop, string? absent = null)
    {
        var value = node.Properties.GetBool(property);
        if (value == true)
        {
            var actions = node.Properties.GetStringList("anonymous_actions");
            return Granted(null, id, $"{granted}{(actions.Count > 0 ? $" (anonymous_actions: {string.Join(", ", actions)})" : "")} [{property}]", hop, fix, []);
        }

        return value == false
            ? LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies, $"{denied} [{property} false]", id))
            : absent is not null
                ? LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies, absent, id))
                : LayerOutcome.Unknown(ReachabilityLayer.Service, id, string.Format(System.Globalization.CultureInfo.InvariantCulture, unknown!, id), id);
    }

    /// <summary>A grant: open to every public address, or to the <c>aws:SourceIp</c> ranges a condition names.</summary>
    private static LayerOutcome Granted(IReadOnlyList<string>? sourceIps, string nodeId, string reason, string hop, string fix, IReadOnlyList<EvidenceStep> notes)
    {
        var sources = sourceIps is null ? AddressSet.PublicInternet : AddressSet.FromCidrs(sourceIps).Intersect(AddressSet.PublicInternet);
        return new LayerOutcome(sources, sources, [.. notes, new EvidenceStep(ReachabilityLayer.Service, nodeId, EvidenceDecision.Allows, reason, hop)])
        {
            Fixes = [new FixCandidate(ReachabilityLayer.Service, fix)],
        };
    }

    private static EvidenceStep Note(string nodeId, string reason) => new(ReachabilityLayer.Service, nodeId, EvidenceDecision.Note, reason);
}
