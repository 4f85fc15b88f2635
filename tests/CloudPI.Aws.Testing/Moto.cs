using System.Diagnostics;
using System.Globalization;
using CloudPI.TestSupport;
using Xunit;

namespace CloudPI.Aws.Testing;

/// <summary>Whether moto can run here, and whether its absence is a failure (CI) or a skip (a developer machine).</summary>
public static class MotoServer
{
    public const string Executable = "moto_server";

    /// <summary>moto's default account, which its STS reports for the dummy credentials.</summary>
    public const string DefaultAccount = "123456789012";

    public static bool IsOnPath { get; } = ExternalProcess.IsOnPath(Executable);

    public static bool IsCi => ExternalProcess.IsCi;

    /// <summary>Why moto cannot run here, or null when it can.</summary>
    public static string? MissingReason => IsOnPath ? null : $"{Executable} is not on PATH (pip install 'moto[server]==5.2.1')";
}

/// <summary>A test that needs moto_server: skipped when it is missing, except in CI (CI=true), where the test fails.</summary>
public sealed class MotoFactAttribute() : ToolFactAttribute(MotoServer.MissingReason);

/// <summary>One moto_server for the collection on a free loopback port, stopped by its PID; STS goes to it too.</summary>
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
        AwsTestEnvironment.UseDummyCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", Endpoint.ToString());

        var start = new ProcessStartInfo(MotoServer.Executable, ["-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)])
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
