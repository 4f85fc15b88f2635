using System.CommandLine;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Report;

/// <summary><c>--min-severity</c>, <c>--account</c>, <c>--control</c>: the same options on <c>report</c> and <c>scan</c>, which hands them to its report.</summary>
internal sealed class FindingFilterOptions
{
    private static readonly string[] SeverityNames = ["info", "low", "medium", "high", "critical"];

    public Option<string?> MinSeverity { get; } = new("--min-severity")
    {
        Description = "Keep findings of at least this (adjusted) severity: info, low, medium, high, critical.",
    };

    public Option<string[]> Accounts { get; } = new("--account")
    {
        Description = "Keep findings in this AWS account (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Controls { get; } = new("--control")
    {
        Description = "Keep findings of this control id, or the issue type a producer gave (repeatable).",
    };

    public FindingFilterOptions(bool accountOptionExists = false)
    {
        AccountOptionShared = accountOptionExists;
        MinSeverity.AcceptOnlyFromAmong(SeverityNames);
    }

    /// <summary>True where the command already has an <c>--account</c> option (the graph's) that this filter reads as well.</summary>
    public bool AccountOptionShared { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(MinSeverity);
        if (!AccountOptionShared)
        {
            command.Options.Add(Accounts);
        }

        command.Options.Add(Controls);
    }

    public FindingFilter Read(ParseResult parseResult, Option<string[]>? accounts = null) => new(
        parseResult.GetValue(MinSeverity) is { } min ? (Severity)(Array.IndexOf(SeverityNames, min) + 1) : null,
        (parseResult.GetValue(accounts ?? Accounts) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal),
        (parseResult.GetValue(Controls) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase));
}
