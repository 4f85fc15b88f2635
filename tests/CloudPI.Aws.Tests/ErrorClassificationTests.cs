using System.Net;
using System.Text;
using CloudPI.Aws.Transport;

namespace CloudPI.Aws.Tests;

public sealed class ErrorClassificationTests
{
    [Theory]
    [InlineData("ThrottlingException", "ThrottlingException")]
    [InlineData("com.amazonaws.starlingdove#NoSuchConfigRuleException", "NoSuchConfigRuleException")]
    [InlineData("InvalidParameterValueException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "InvalidParameterValueException")]
    [InlineData("aws.protocoltests#a.b#AccessDeniedException:extra", "AccessDeniedException")]
    public void Error_codes_are_stripped_to_the_bare_name(string raw, string expected)
    {
        Assert.Equal(expected, AwsErrorClassifier.NormalizeCode(raw));
    }

    [Theory]
    [InlineData(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", AwsConfigErrorKind.Throttling, "ThrottlingException")]
    [InlineData(400, """{"__type":"LimitExceededException","Message":"running"}""", AwsConfigErrorKind.Throttling, "LimitExceededException")]
    [InlineData(429, "", AwsConfigErrorKind.Throttling, "429")]
    [InlineData(502, "<html>bad gateway</html>", AwsConfigErrorKind.Transient, "502")]
    [InlineData(400, """{"__type":"RequestTimeoutException"}""", AwsConfigErrorKind.Transient, "RequestTimeoutException")]
    [InlineData(400, """{"__type":"ExpiredTokenException","message":"expired"}""", AwsConfigErrorKind.AuthFailure, "ExpiredTokenException")]
    [InlineData(400, """{"__type":"InvalidParameterValueException"}""", AwsConfigErrorKind.Service, "InvalidParameterValueException")]
    public void Responses_are_classified_by_code_and_status(int status, string body, AwsConfigErrorKind kind, string code)
    {
        var error = Classify(status, body, requestId: "rid");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("rid", error.RequestId);
    }

    [Fact]
    public void The_error_type_header_names_the_code_when_the_body_does_not()
    {
        var error = Classify(400, "", requestId: "rid", errorTypeHeader: "UnrecognizedClientException:http://internal");

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal(AwsConfigErrorKind.AuthFailure, error.Kind);
        Assert.Contains("config:DescribeConfigRules in us-west-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_HTML_500_without_request_id_is_an_unimplemented_operation_but_with_one_it_is_transient()
    {
        const string FlaskPage = "<!doctype html>\n<title>500 Internal Server Error</title>";

        Assert.Equal(AwsConfigErrorKind.NotImplementedByEndpoint, Classify(500, FlaskPage, requestId: null).Kind);
        Assert.Equal(AwsConfigErrorKind.Transient, Classify(500, FlaskPage, requestId: "rid").Kind);
    }

    private static AwsConfigException Classify(int status, string body, string? requestId, string? errorTypeHeader = null)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "text/html") };
        if (requestId is not null)
        {
            response.Headers.Add("x-amzn-RequestId", requestId);
        }

        if (errorTypeHeader is not null)
        {
            response.Headers.Add("x-amzn-ErrorType", errorTypeHeader);
        }

        return AwsErrorClassifier.Classify("DescribeConfigRules", "us-west-2", response, Encoding.UTF8.GetBytes(body));
    }
}
