using System.Net;
using System.Text.Json;

namespace CloudPI.Aws.Transport;

/// <summary>Turns a non-2xx AWS JSON 1.1 response into an <see cref="AwsConfigException"/> (botocore's parsing rules).</summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TimeoutCodes = new(StringComparer.Ordinal) { "RequestTimeout", "RequestTimeoutException" };

    private static readonly HashSet<string> CredentialRejectedCodes = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignatureException", "ExpiredTokenException",
        "MissingAuthenticationTokenException",
    };

    private static readonly HashSet<int> RetryableStatuses = [500, 502, 503, 504];

    public static AwsConfigException Classify(string operation, string region, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var requestId = HeaderValue(response, "x-amzn-RequestId");
        var (bodyCode, serviceMessage) = ReadErrorBody(body);
        var namedCode = bodyCode ?? HeaderValue(response, "x-amzn-ErrorType");
        var code = namedCode is null ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : NormalizeCode(namedCode);

        var kind = KindOf(code, namedCode is not null, status, requestId, response, body);
        var message = Explain(kind, code, operation, region, status, serviceMessage);
        return new AwsConfigException(message, kind, code, operation, region)
        {
            StatusCode = status,
            RequestId = requestId,
            ServiceMessage = serviceMessage,
        };
    }

    /// <summary>Keeps the bare code: drops anything after ':' and anything up to the last '#'.</summary>
    internal static string NormalizeCode(string raw)
    {
        var code = raw.Split(':')[0];
        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code[(hash + 1)..] : code).Trim();
    }

    private static AwsConfigErrorKind KindOf(string code, bool named, int status, string? requestId, HttpResponseMessage response, byte[] body)
    {
        if (!named && status == 500 && requestId is null && IsHtml(response, body))
        {
            // moto answers operations it lacks with a bare Flask 500 page; retrying cannot help.
            return AwsConfigErrorKind.NotImplementedByEndpoint;
        }

        if (code is "AccessDeniedException" or "AccessDenied" || CredentialRejectedCodes.Contains(code))
        {
            return AwsConfigErrorKind.AuthFailure;
        }

        if (ThrottlingCodes.Contains(code) || status == (int)HttpStatusCode.TooManyRequests)
        {
            return AwsConfigErrorKind.Throttling;
        }

        return TimeoutCodes.Contains(code) || RetryableStatuses.Contains(status) ? AwsConfigErrorKind.Transient : AwsConfigErrorKind.Service;
    }

    private static string Explain(AwsConfigErrorKind kind, string code, string operation, string region, int status, string? serviceMessage)
    {
        var permission = "config:" + operation;
        var detail = serviceMessage is null ? "" : $": {serviceMessage}";
        return kind switch
        {
            AwsConfigErrorKind.NotImplementedByEndpoint =>
                $"The endpoint does not implement {operation} (HTTP 500 without an AWS error body, as emulators such as moto answer operations they lack) in {region}",
            AwsConfigErrorKind.AuthFailure when CredentialRejectedCodes.Contains(code) =>
                $"AWS rejected the credentials calling {permission} in {region} ({code}{detail}). Check the credentials or profile, the system clock, and that the region is enabled for the account",
            AwsConfigErrorKind.AuthFailure =>
                $"Access denied: the principal lacks the IAM permission {permission} in {region} ({code}{detail}). Grant {permission} (the SecurityAudit managed policy covers Config reads)",
            _ => $"{operation} failed in {region}: {code} (HTTP {status}){detail}",
        };
    }

    private static (string? Code, string? Message) ReadErrorBody(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (StringMember(document.RootElement, "__type"),
                StringMember(document.RootElement, "message") ?? StringMember(document.RootElement, "Message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool IsHtml(HttpResponseMessage response, byte[] body) =>
        response.Content.Headers.ContentType?.MediaType == "text/html" || body.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("<"u8);
}
