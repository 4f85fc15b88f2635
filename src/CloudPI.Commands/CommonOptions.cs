using System.CommandLine;

namespace CloudPI.Commands;

/// <summary>Options every command accepts (recursive, so they may appear after the sub-command).</summary>
public static class CommonOptions
{
    public static readonly Option<bool> Debug = new("--debug", "-debug")
    {
        Description = "Verbose logs, and full stack traces on errors.",
        Recursive = true,
    };

    public static readonly Option<LogFormat> LogFormat = new("--log-format")
    {
        Description = "Log format on stderr: auto (text on a terminal, JSON otherwise), text or json.",
        DefaultValueFactory = _ => Commands.LogFormat.Auto,
        Recursive = true,
    };
}

public enum LogFormat
{
    Auto,
    Text,
    Json,
}
