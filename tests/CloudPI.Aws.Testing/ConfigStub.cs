using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPI.Aws.Testing;

/// <summary>A request as the stub received it.</summary>
public sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Target => Headers.GetValueOrDefault("X-Amz-Target");

    /// <summary>The operation: the JSON protocol's target (Config), or the query protocol's Action (EC2, STS).</summary>
    public string Operation => Target?.Replace("StarlingDoveService.", "", StringComparison.Ordinal)
        ?? System.Web.HttpUtility.ParseQueryString(Body)["Action"] ?? "";

    /// <summary>The region of the SigV4 credential scope: which regional client sent the request.</summary>
    public string SigningRegion => Headers["Authorization"].Split("Credential=")[1].Split('/')[2];

    /// <summary>The JSON body (JSON-protocol requests only).</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public sealed record StubResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", string? RequestId = "stub-request-id")
{
    public static readonly StubResponse Empty = new(200, "{}");

    /// <summary>What moto 5.2.1 answers for an operation it lacks: a bare HTML 500, no AWS error body, no request id.</summary>
    public static readonly StubResponse NotImplemented = new(500, "<!doctype html><title>500 Internal Server Error</title>", "text/html; charset=utf-8", null);

    public static StubResponse Ok(string body) => new(200, body);

    public static StubResponse Ok(object body) => new(200, JsonSerializer.Serialize(body));

    public static StubResponse Error(int status, string errorType, string message) =>
        new(status, new JsonObject { ["__type"] = errorType, ["message"] = message }.ToJsonString());

    /// <summary>An EC2 error (botocore protocol "ec2"): XML under Response/Errors/Error.</summary>
    public static StubResponse Ec2Error(int status, string code, string message) =>
        new(status, $"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>stub-request-id</RequestID></Response>", "text/xml");

    /// <summary>An STS error (botocore protocol "query"): XML under ErrorResponse/Error.</summary>
    public static StubResponse StsError(int status, string code, string message) =>
        new(status, $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>stub-request-id</RequestId></ErrorResponse>", "text/xml");
}

/// <summary>
/// An AWS endpoint on 127.0.0.1 for what moto 5.2.1 lacks (Config's compliance reads, StartConfigRulesEvaluation and
/// aggregator compliance answer HTTP 500 there), and for scripted failures. Tests answer by request; the JSON follows
/// the botocore model (botocore/data/config/2014-11-12/service-2.json): PascalCase members, epoch-second timestamps,
/// camelCase BatchGetResourceConfig and recorder shapes.
/// </summary>
public sealed class ConfigStub : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<StubRequest, StubResponse> _respond;
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly Task _serving;

    public ConfigStub(Func<StubRequest, StubResponse> respond)
    {
        _respond = respond;
        Endpoint = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<StubRequest> Requests => _requests.ToArray();

    public IReadOnlyList<StubRequest> RequestsFor(string operation) => Requests.Where(r => r.Operation == operation).ToList();

    /// <summary>Answers the i-th request with the i-th response.</summary>
    public static ConfigStub Answering(params StubResponse[] responses)
    {
        var next = -1;
        return new ConfigStub(_ => responses[Interlocked.Increment(ref next)]);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return; // Stopped.
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var headers = context.Request.Headers.AllKeys.OfType<string>()
            .ToDictionary(name => name, name => context.Request.Headers[name] ?? "", StringComparer.OrdinalIgnoreCase);
        var request = new StubRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, await reader.ReadToEndAsync());
        _requests.Enqueue(request);

        var response = _respond(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.RequestId is not null)
        {
            context.Response.Headers["x-amzn-RequestId"] = response.RequestId;
        }

        var body = Encoding.UTF8.GetBytes(response.Body);
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
