using System.Diagnostics;
using CloudPI.Aws.Tests.Support;

namespace CloudPI.Aws.Tests.Moto;

/// <summary>
/// One moto_server per test collection on a free loopback port, stopped by its PID afterwards. Also points this process
/// at dummy credentials, disables IMDS and sends STS to moto, as the moto tests need.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private Process? _process;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1/");

    public async Task InitializeAsync()
    {
        if (!MotoServer.IsOnPath)
        {
            if (MotoServer.IsCi)
            {
                throw new InvalidOperationException($"CI=true but {MotoServer.Executable} is not on PATH: the moto tests must run in CI");
            }

            return; // Every moto test is skipped.
        }

        var port = LoopbackPort.Free();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", Endpoint.ToString());

        var start = new ProcessStartInfo(MotoServer.Executable, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{MotoServer.Executable} did not start");
        // moto logs every request; drain the pipes so it never blocks on a full one.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{MotoServer.Executable} exited with code {_process.ExitCode} during start-up");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                // The attempt timed out; try again until the deadline.
            }
        }

        throw new TimeoutException($"{MotoServer.Executable} did not answer on {Endpoint} within {StartupTimeout.TotalSeconds} s");
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
