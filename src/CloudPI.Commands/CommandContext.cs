using System.CommandLine;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CloudPI.Commands;

/// <summary>What a command's action gets besides its parsed options: a logger and the console writers.</summary>
public sealed class CommandContext : IDisposable
{
    private readonly Logger _logger;

    private CommandContext(Logger logger, TextWriter output)
    {
        _logger = logger;
        Output = output;
    }

    public ILogger Logger => _logger;

    /// <summary>Command results (dumps, tables, JSON lines). Logs never go here, so output can be piped.</summary>
    public TextWriter Output { get; }

    public static CommandContext Create(ParseResult parseResult, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var debug = parseResult.GetValue(CommonOptions.Debug);
        var format = parseResult.GetValue(CommonOptions.LogFormat);
        return new CommandContext(CreateLogger(debug, format), output);
    }

    /// <summary>Structured logs on stderr: JSON in pipelines (not a terminal), readable text on a terminal.</summary>
    public static Logger CreateLogger(bool debug, LogFormat format)
    {
        var json = format == LogFormat.Json || (format == LogFormat.Auto && Console.IsErrorRedirected);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(debug ? LogEventLevel.Debug : LogEventLevel.Information)
            .Enrich.WithProperty("scanID", Environment.GetEnvironmentVariable("DRACON_SCAN_ID")?.Trim() ?? string.Empty);
        return (json
                ? configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
                : configuration.WriteTo.Console(
                    outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}",
                    standardErrorFromLevel: LogEventLevel.Verbose,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture))
            .CreateLogger();
    }

    public void Dispose() => _logger.Dispose();
}
