using System.Collections.Concurrent;
using System.Text;

namespace CloudPI.Aws.Tests.Support;

/// <summary>A request as it left the client, after signing.</summary>
internal sealed record SentRequest(string? Target, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);

/// <summary>Records every signed request; passes it to <paramref name="inner"/>, or answers 200 {} itself when there is none.</summary>
internal sealed class RecordingHandler(HttpMessageHandler? inner = null) : DelegatingHandler(inner ?? new AnswerEmptyObject())
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    public IReadOnlyList<string?> Targets => Sent.Select(r => r.Target).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        headers.TryGetValue("X-Amz-Target", out var target);
        _sent.Enqueue(new SentRequest(target, headers, request.Content?.Headers.ContentType?.ToString(), body));
        return await base.SendAsync(request, cancellationToken);
    }

    private sealed class AnswerEmptyObject : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8) });
    }
}
