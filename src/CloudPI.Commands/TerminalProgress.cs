using System.Diagnostics;

namespace CloudPI.Commands;

/// <summary>
/// A progress line for long work, on a terminal only: redrawn in place on stderr a few times a second and erased at
/// the end. In a pipeline (stderr redirected) it writes nothing, so logs stay clean JSON lines.
/// </summary>
internal sealed class TerminalProgress : IDisposable
{
    private static readonly long Interval = Stopwatch.Frequency / 5;
    private readonly string _label;
    private long _total;
    private readonly TextWriter? _terminal;
    private long _lastDrawn;

    public TerminalProgress(string label, long total, TextWriter? terminal = null)
    {
        _label = label;
        _total = total;
        _terminal = terminal ?? (Console.IsErrorRedirected ? null : Console.Error);
    }

    public void Report(long done) => Report(done, Interlocked.Read(ref _total));

    /// <summary>For work whose size is learnt as it goes (a file opened by someone else).</summary>
    public void Report(long done, long total)
    {
        if (_terminal is null)
        {
            return;
        }

        Interlocked.Exchange(ref _total, total);
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastDrawn);
        if ((now - last < Interval && done < total) || Interlocked.CompareExchange(ref _lastDrawn, now, last) != last)
        {
            return;
        }

        lock (_terminal)
        {
            _terminal.Write(FormattableString.Invariant($"\r{_label} {done}/{total} ({(total == 0 ? 100 : done * 100 / total)}%)"));
        }
    }

    public void Dispose()
    {
        if (_terminal is not null)
        {
            lock (_terminal)
            {
                _terminal.Write("\r\u001b[2K");
            }
        }
    }
}
