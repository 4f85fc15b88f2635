using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CloudPI.AwsConfig.Tests.Support;

/// <summary>A logger that keeps what it is told, rendered, for tests that check what the user is warned about.</summary>
internal sealed class LogEvents : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public LogEvents() => Logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(this).CreateLogger();

    public ILogger Logger { get; }

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_events)
            {
                return _events.Where(e => e.Level == LogEventLevel.Warning)
                    .Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Replace("\"", "", StringComparison.Ordinal)) // Serilog quotes string values.
                    .ToList();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
