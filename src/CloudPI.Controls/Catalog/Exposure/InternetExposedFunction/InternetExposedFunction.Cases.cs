namespace CloudPI.Catalog.Tests.Cases;

/// <summary>internet-exposed-function: a Lambda function with or without a public grant.</summary>
internal sealed class InternetExposedFunctionCases : IControlCases
{
    public string ControlId => "internet-exposed-function";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("anyone may invoke it", Expected.Fail, g => g.Function(Arn, true), Arn),
        new("no public grant", Expected.Pass, g => g.Function(Arn, false), Arn),
    ];

    private const string Arn = "arn:aws:lambda:us-east-1:111122223333:function:f";
}
