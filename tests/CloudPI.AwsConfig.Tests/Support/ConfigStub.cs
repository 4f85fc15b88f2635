using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPI.AwsConfig.Tests.Support;

/// <summary>A request as the stub received it. Query-protocol requests (EC2, STS) are named by their Action and have no JSON body.</summary>
internal sealed record StubRequest(string Operation, string SigningRegion, JsonElement Body);

internal sealed record StubResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", string? RequestId = "stub-request-id")
{
    public static StubResponse Ok(object body) => new(200, JsonSerializer.Serialize(body));

    public static readonly StubResponse Empty = new(200, "{}");

    /// <summary>What moto 5.2.1 answers for an operation it lacks: a bare HTML 500, no AWS error body, no request id.</summary>
    public static readonly StubResponse NotImplemented = new(500, "<!doctype html><title>500 Internal Server Error</title>", "text/html; charset=utf-8", null);

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
/// An AWS Config endpoint on 127.0.0.1 for what moto 5.2.1 lacks (the compliance reads and StartConfigRulesEvaluation
/// answer HTTP 500 there). Tests answer by operation and signing region; the JSON follows the botocore model
/// (botocore/data/config/2014-11-12/service-2.json): PascalCase members, epoch-second timestamps, camelCase
/// BatchGetResourceConfig and recorder shapes.
/// </summary>
internal sealed class ConfigStub : IAsyncDisposable
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
        var body = await reader.ReadToEndAsync();
        var target = context.Request.Headers["X-Amz-Target"];
        var region = (context.Request.Headers["Authorization"] ?? "").Split("Credential=")[1].Split('/')[2];
        var request = target is null
            ? new StubRequest(System.Web.HttpUtility.ParseQueryString(body)["Action"] ?? "", region, default)
            : new StubRequest(target.Replace("StarlingDoveService.", "", StringComparison.Ordinal), region, JsonDocument.Parse(body).RootElement.Clone());
        _requests.Enqueue(request);

        var response = _respond(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.RequestId is not null)
        {
            context.Response.Headers["x-amzn-RequestId"] = response.RequestId;
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
