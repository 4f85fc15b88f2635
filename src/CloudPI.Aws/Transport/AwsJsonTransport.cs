using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CloudPI.Aws.Transport;

/// <summary>AWS JSON 1.1: every operation is a signed POST / with X-Amz-Target naming it and the input as a JSON body.</summary>
internal sealed class AwsJsonTransport(HttpClient httpClient, Uri endpoint, string region, AwsRetryStrategy retry)
{
    private const string TargetPrefix = "StarlingDoveService.";
    private const string ContentType = "application/x-amz-json-1.1";

    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var body = await SendWithRetriesAsync(operation, request, requestType, cancellationToken).ConfigureAwait(false);
        return Deserialize(operation, body, responseType);
    }

    /// <summary>For operations without output, whose body may be empty or {}.</summary>
    public Task SendAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(operation, request, requestType, cancellationToken);

    private Task<byte[]> SendWithRetriesAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        return retry.ExecuteAsync(token => SendOnceAsync(operation, body, token), cancellationToken);
    }

    private async Task<byte[]> SendOnceAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        try
        {
            using var response = await httpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? responseBody : throw AwsErrorClassifier.Classify(operation, region, response, responseBody);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or SocketException)
        {
            throw Transient(operation, "NetworkError", $"{operation} could not reach {endpoint} ({region}): {error.Message}", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: the caller did not cancel.
            throw Transient(operation, "RequestTimeout", $"{operation} timed out calling {endpoint} ({region})", error);
        }
    }

    private AwsConfigException Transient(string operation, string code, string message, Exception error) =>
        new(message, AwsConfigErrorKind.Transient, code, operation, region, error);

    private TResponse Deserialize<TResponse>(string operation, byte[] body, JsonTypeInfo<TResponse> responseType)
    {
        try
        {
            var json = body.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? "{}"u8 : body;
            return JsonSerializer.Deserialize(json, responseType)
                ?? throw new JsonException("the body is the JSON literal null");
        }
        catch (JsonException error)
        {
            throw new AwsConfigException(
                $"The response to {operation} from {endpoint} ({region}) is not valid JSON for the operation: {error.Message}",
                AwsConfigErrorKind.MalformedResponse, "MalformedResponse", operation, region, error);
        }
    }
}
