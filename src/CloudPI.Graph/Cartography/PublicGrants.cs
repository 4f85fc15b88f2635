namespace CloudPI.Graph.Cartography;

/// <summary>One statement of a bucket policy: <c>principal</c> and <c>condition</c> are JSON text, <c>action</c> a string or a list.</summary>
public readonly record struct S3PolicyStatement(GraphNode Node) : ICartographyNode<S3PolicyStatement>
{
    public static CartographyKind Kind => CartographyKinds.S3PolicyStatement;

    public static S3PolicyStatement Wrap(GraphNode node) => new(node);

    public string? Effect => Node.Properties.GetString("effect");

    public string? Sid => Node.Properties.GetString("sid");

    public string? PrincipalJson => Node.Properties.GetString("principal");

    public string? ConditionJson => Node.Properties.GetString("condition");

    public IReadOnlyList<string> Actions => Node.Properties.GetString("action") is { } single ? [single] : Node.Properties.GetStringList("action");
}

/// <summary>One ACL grant of a bucket: a group grantee has a <c>uri</c> (…/global/AllUsers, …/global/AuthenticatedUsers).</summary>
public readonly record struct S3Acl(GraphNode Node) : ICartographyNode<S3Acl>
{
    public static CartographyKind Kind => CartographyKinds.S3Acl;

    public static S3Acl Wrap(GraphNode node) => new(node);

    public string? Uri => Node.Properties.GetString("uri");

    /// <summary><c>READ</c>, <c>WRITE</c>, <c>READ_ACP</c>, <c>WRITE_ACP</c>, <c>FULL_CONTROL</c>.</summary>
    public string? Permission => Node.Properties.GetString("permission");

    /// <summary><c>AllUsers</c> or <c>AuthenticatedUsers</c> (any AWS account holder) for public group grants, else null.</summary>
    public string? PublicGroup => Uri switch
    {
        { } uri when uri.EndsWith("/global/AllUsers", StringComparison.Ordinal) => "AllUsers",
        { } uri when uri.EndsWith("/global/AuthenticatedUsers", StringComparison.Ordinal) => "AuthenticatedUsers",
        _ => null,
    };
}

/// <summary>An account's S3 Block Public Access settings in one region (<c>id</c> = <c>account:region</c>); not linked to buckets.</summary>
public readonly record struct S3AccountPublicAccessBlock(GraphNode Node) : ICartographyNode<S3AccountPublicAccessBlock>
{
    public static CartographyKind Kind => CartographyKinds.S3AccountPublicAccessBlock;

    public static S3AccountPublicAccessBlock Wrap(GraphNode node) => new(node);

    public bool BlockPublicAcls => Node.Properties.GetBool("block_public_acls") == true;

    public bool IgnorePublicAcls => Node.Properties.GetBool("ignore_public_acls") == true;

    public bool BlockPublicPolicy => Node.Properties.GetBool("block_public_policy") == true;

    public bool RestrictPublicBuckets => Node.Properties.GetBool("restrict_public_buckets") == true;
}

/// <summary>An API Gateway REST API: <c>exposed_internet</c> is true for EDGE/REGIONAL endpoints, false for PRIVATE.</summary>
public readonly record struct ApiGatewayRestApi(GraphNode Node) : ICartographyNode<ApiGatewayRestApi>
{
    public static CartographyKind Kind => CartographyKinds.ApiGatewayRestApi;

    public static ApiGatewayRestApi Wrap(GraphNode node) => new(node);

    public bool? ExposedInternet => Node.Properties.GetBool("exposed_internet");

    public string? EndpointType => Node.Properties.GetString("endpoint_type");

    public bool DisableExecuteApiEndpoint => Node.Properties.GetBool("disableexecuteapiendpoint") == true;
}

/// <summary>A REST API resource (a path); its integration hangs off it, not off the method.</summary>
public readonly record struct ApiGatewayResource(GraphNode Node) : ICartographyNode<ApiGatewayResource>
{
    public static CartographyKind Kind => CartographyKinds.ApiGatewayResource;

    public static ApiGatewayResource Wrap(GraphNode node) => new(node);

    public string? Path => Node.Properties.GetString("path");

    public RelatedNodes<ApiGatewayRestApi> Apis => Node.Related<ApiGatewayRestApi>("RESOURCE", Direction.Incoming);

    public RelatedNodes<ApiGatewayMethod> Methods => Node.Related<ApiGatewayMethod>("HAS_METHOD", Direction.Outgoing);

    public RelatedNodes<ApiGatewayIntegration> Integrations => Node.Related<ApiGatewayIntegration>("HAS_INTEGRATION", Direction.Outgoing);
}

public readonly record struct ApiGatewayMethod(GraphNode Node) : ICartographyNode<ApiGatewayMethod>
{
    public static CartographyKind Kind => CartographyKinds.ApiGatewayMethod;

    public static ApiGatewayMethod Wrap(GraphNode node) => new(node);

    public string? HttpMethod => Node.Properties.GetString("httpmethod");

    /// <summary><c>NONE</c>, <c>AWS_IAM</c>, <c>CUSTOM</c>, <c>COGNITO_USER_POOLS</c>.</summary>
    public string? AuthorizationType => Node.Properties.GetString("authorization_type");

    public bool ApiKeyRequired => Node.Properties.GetBool("api_key_required") == true;
}

/// <summary>An integration: for Lambda, <c>uri</c> names the function (<c>…:lambda:path/2015-03-31/functions/ARN/invocations</c>).</summary>
public readonly record struct ApiGatewayIntegration(GraphNode Node) : ICartographyNode<ApiGatewayIntegration>
{
    public static CartographyKind Kind => CartographyKinds.ApiGatewayIntegration;

    public static ApiGatewayIntegration Wrap(GraphNode node) => new(node);

    public string? Uri => Node.Properties.GetString("uri");

    public RelatedNodes<ApiGatewayResource> Resources => Node.Related<ApiGatewayResource>("HAS_INTEGRATION", Direction.Incoming);
}
