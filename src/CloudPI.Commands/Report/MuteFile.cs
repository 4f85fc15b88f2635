using System.CommandLine;
using CloudPI.Enrichers.Muting;
using Serilog;

namespace CloudPI.Commands.Report;

/// <summary>The <c>--mute-file</c> option shared by the enrichers, the report and scan: read once, expired entries warned about.</summary>
internal static class MuteFile
{
    public const string OptionName = "--mute-file";

    public static Option<string?> CreateOption() => new(OptionName)
    {
        Description = "YAML list of accepted findings (control, resource pattern, account, reason, expires): they are annotated, counted and listed apart, never dropped.",
    };

    public static MuteList Load(string? path, ILogger logger, DateOnly today)
    {
        if (path is null)
        {
            return MuteList.Empty;
        }

        var mutes = InputText.Parse(path, "mute file", text => MuteList.Parse(text, path));
        foreach (var expired in mutes.Expired(today))
        {
            logger.Warning(
                "Mute entry expired on {Expires} and no longer mutes: control {Control}, resource {Resource} ({Reason}) in {File}",
                expired.Expires, expired.Control ?? "*", expired.ResourcePattern, expired.Reason, path);
        }

        return mutes;
    }

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);
}
