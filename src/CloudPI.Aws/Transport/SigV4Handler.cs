using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace CloudPI.Aws.Transport;

/// <summary>
/// Signs each request with AWSSDK.Core's public SigV4 signer, re-resolving (refreshing) the credentials every time.
/// Only the headers the request carries are signed (plus host and the x-amz-* the signer adds): AWSSDK.Core's
/// SigV4SigningHandler also signs content-length, which would diverge from botocore's canonical request.
/// </summary>
internal sealed class SigV4Handler(AWSCredentials credentials, RegionEndpoint region, TimeProvider? signingClock, HttpMessageHandler innerHandler)
    : DelegatingHandler(innerHandler)
{
    private const string Service = "config";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri,
            Content = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false),
        };
        foreach (var header in request.Headers)
        {
            signingRequest.Headers[header.Key] = string.Join(",", header.Value);
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signingRequest.Headers["Content-Type"] = contentType.ToString();
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = region,
            Service = Service,
            // Null lets the SDK use its clock-skew-corrected time; tests pin the time for golden vectors.
            SignedAt = signingClock?.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
