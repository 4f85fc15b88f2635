using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPI.Aws.Tests.Support;

namespace CloudPI.Aws.Tests.Stub;

/// <summary>A request as the stub received it.</summary>
internal sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Target => Headers.GetValueOrDefault("X-Amz-Target");

    /// <summary>The region of the SigV4 credential scope: which regional client sent the request.</summary>
    public string SigningRegion => Headers["Authorization"].Split("Credential=")[1].Split('/')[2];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

internal sealed record StubResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", string? RequestId = "stub-request-id")
{
    public static StubResponse Ok(string body) => new(200, body);

    public static StubResponse Error(int status, string errorType, string message) =>
        new(status, new JsonObject { ["__type"] = errorType, ["message"] = message }.ToJsonString());
}

/// <summary>
/// An AWS Config endpoint on 127.0.0.1 for the operations moto 5.2.1 lacks (compliance reads, StartConfigRulesEvaluation,
/// aggregator compliance). Tests script its answers; their JSON follows the botocore model
/// (botocore/data/config/2014-11-12/service-2.json).
/// </summary>
internal sealed class ConfigStubServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<StubRequest, StubResponse> _respond;
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly Task _serving;

    public ConfigStubServer(Func<StubRequest, StubResponse> respond)
    {
        _respond = respond;
        Endpoint = ListenOnFreePort(_listener);
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<StubRequest> Requests => _requests.ToArray();

    /// <summary>Answers the i-th request with the i-th response.</summary>
    public static ConfigStubServer Answering(params StubResponse[] responses)
    {
        var next = -1;
        return new ConfigStubServer(_ => responses[Interlocked.Increment(ref next)]);
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

    private static Uri ListenOnFreePort(HttpListener listener)
    {
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        listener.Prefixes.Add(endpoint.ToString());
        listener.Start();
        return endpoint;
    }
}
