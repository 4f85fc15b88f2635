using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace CloudPI.Bolt.Testing;

/// <summary>
/// Listens on 127.0.0.1 (a free port) and runs <c>conversation</c> for every accepted connection, optionally inside
/// TLS. Errors thrown by a conversation are kept so tests can assert the server side saw what it expected.
/// </summary>
public sealed class BoltTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<BoltServerSession, Task> _conversation;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly Task _acceptLoop;
    private int _connectionCount;

    private BoltTestServer(Func<BoltServerSession, Task> conversation, X509Certificate2? certificate)
    {
        _conversation = conversation;
        _certificate = certificate;
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Exceptions thrown by conversations (a client that misbehaved, or a failed server-side expectation).</summary>
    public IReadOnlyCollection<Exception> Errors => _errors;

    public static BoltTestServer Start(Func<BoltServerSession, Task> conversation, X509Certificate2? certificate = null) =>
        new(conversation, certificate);

    public Uri UriFor(string scheme = "bolt") => new($"{scheme}://127.0.0.1:{Port}");

    /// <summary>Waits for the conversations started so far to end (or <paramref name="timeout"/>), then reports their errors.</summary>
    public async Task<IReadOnlyCollection<Exception>> WaitForSessionsAsync(TimeSpan timeout)
    {
        await Task.WhenAll(_sessions).WaitAsync(timeout).ConfigureAwait(false);
        return Errors;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await Task.WhenAll(_sessions.Append(_acceptLoop)).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or TimeoutException or SocketException or ObjectDisposedException)
        {
            // Shutting down: sessions end by cancellation or a closed socket.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            _sessions.Add(Task.Run(() => RunSessionAsync(socket)));
        }
    }

    private async Task RunSessionAsync(Socket socket)
    {
        socket.NoDelay = true;
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stopping.Token).ConfigureAwait(false);
                stream = tls;
            }

            await using var session = new BoltServerSession(stream, _stopping.Token);
            await _conversation(session).ConfigureAwait(false);
        }
        catch (Exception error) when (!_stopping.IsCancellationRequested)
        {
            _errors.Enqueue(error);
        }
        catch (Exception)
        {
            // Errors after shutdown began are the shutdown itself.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
