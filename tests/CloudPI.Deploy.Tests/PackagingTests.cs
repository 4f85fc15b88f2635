using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CloudPI.TestSupport;

namespace CloudPI.Deploy.Tests;

/// <summary>dotnet builds run one after the other: they share the libraries' Release outputs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DotnetBuilds
{
    public const string Name = "dotnet builds";
}

/// <summary>
/// What CI can run without a Docker engine: the Dockerfiles' publish command (deploy/publish.sh) for one component,
/// and the .NET tool's packages (deploy/pack-tool.sh) installed from a folder feed.
/// </summary>
[Collection(DotnetBuilds.Name)]
public partial class PackagingTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// deploy/publish.sh, as the Dockerfiles run it, for cloudpi-enricher-reachability. CI sets CLOUDPI_PUBLISH_AOT=false
    /// only if the native compile is too slow there: every other flag (Release, the RID, trimming, warnings as errors)
    /// stays. The binary must run: --help exits 0.
    /// </summary>
    [Fact]
    public async Task Publish_script_builds_a_working_executable_without_warnings()
    {
        using var output = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["CLOUDPI_PUBLISH_AOT"] = Environment.GetEnvironmentVariable("CLOUDPI_PUBLISH_AOT") ?? "false",
        };
        var publish = await RunAsync("/bin/sh", [PublishScript.Path, "cloudpi-enricher-reachability", output.Path], environment);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(WarningLine(), publish.Output);

        var binary = output.Combine("cloudpi-enricher-reachability");
        Assert.True(File.Exists(binary), $"{binary} missing:\n{string.Join('\n', output.Files())}");
        var help = await RunAsync(binary, ["--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("-read_path", help.Output, StringComparison.Ordinal);
        Assert.Contains("--neo4j-password-env-var", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_script_rejects_an_unknown_component()
    {
        using var output = new TempDirectory();
        var result = await RunAsync("/bin/sh", [PublishScript.Path, "cloudpi-producer-nope", output.Path]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown component 'cloudpi-producer-nope'", result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// deploy/pack-tool.sh → dotnet tool install from the folder feed it writes → cloudpi --help. The pointer package
    /// names this machine's package and the framework-dependent fallback, and the install takes this machine's. As for
    /// the publish script, CI packs it without Native AOT unless CLOUDPI_PUBLISH_AOT says otherwise.
    /// </summary>
    [Fact]
    public async Task Tool_packages_install_this_machines_build_from_a_folder_feed_and_run()
    {
        using var work = new TempDirectory();
        var feed = work.Combine("feed");
        var tools = work.Combine("tools");
        var version = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.NotEmpty(version);
        var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var environment = new Dictionary<string, string?>
        {
            ["CLOUDPI_PUBLISH_AOT"] = Environment.GetEnvironmentVariable("CLOUDPI_PUBLISH_AOT") ?? "false",
        };

        var pack = await RunAsync("/bin/sh", [Path.Combine(RepoPaths.Root, "deploy", "pack-tool.sh"), feed], environment, PackTimeout);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.DoesNotMatch(WarningLine(), pack.Output);
        Assert.Equal(
            [$"CloudPI.Tool.{version}.nupkg", $"CloudPI.Tool.any.{version}.nupkg", $"CloudPI.Tool.{rid}.{version}.nupkg"],
            Directory.EnumerateFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using (var pointer = ZipFile.OpenRead(Path.Combine(feed, $"CloudPI.Tool.{version}.nupkg")))
        {
            var settings = pointer.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
            using var reader = new StreamReader(settings.Open());
            var named = Regex.Matches(reader.ReadToEnd(), "RuntimeIdentifier=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
            Assert.Equal([rid, "any"], named);
        }

        var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "CloudPI.Tool", "--version", version]);
        Assert.True(install.ExitCode == 0, install.Output);
        var command = new FileInfo(Path.Combine(tools, "cloudpi"));
        Assert.Contains($"cloudpi.tool.{rid}", command.LinkTarget ?? command.FullName, StringComparison.OrdinalIgnoreCase);

        var help = await RunAsync(command.FullName, ["--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("scan", help.Output, StringComparison.Ordinal);
        Assert.Contains("enricher", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_pack_script_without_an_output_directory_says_how_to_call_it_and_packs_nothing()
    {
        var result = await RunAsync("/bin/sh", [Path.Combine(RepoPaths.Root, "deploy", "pack-tool.sh")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("usage: " + Path.Combine(RepoPaths.Root, "deploy", "pack-tool.sh") + " OUTDIR", result.Output.Trim());
    }

    /// <summary>
    /// The CI examples (deploy/ci) run 'dotnet publish src/CloudPI.Cli' on images without a native toolchain and then
    /// the published 'cloudpi': the CLI turns Native AOT on only when the tool script asks, never by default.
    /// </summary>
    [Fact]
    public void The_cli_publishes_framework_dependent_unless_the_tool_script_asks_for_native_aot()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "CloudPI.Cli", "CloudPI.Cli.csproj"));
        var aot = Assert.Single(project.Descendants("PublishAot"));
        Assert.Equal("'$(CloudPIToolAot)' == 'true'", aot.Attribute("Condition")?.Value);
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "pack-tool.sh"));
        Assert.Contains("-p:CloudPIToolAot=\"${CLOUDPI_PUBLISH_AOT:-true}\"", script, StringComparison.Ordinal);
        Assert.All(
            Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "deploy", "ci")).Select(File.ReadAllText).Where(t => t.Contains("src/CloudPI.Cli", StringComparison.Ordinal)),
            text => Assert.DoesNotContain("CloudPIToolAot", text, StringComparison.Ordinal));
    }

    /// <summary>Three packs, each a Release build of the CLI (a Native AOT one when asked).</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private sealed record Result(int ExitCode, string Output);

    private static async Task<Result> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? BuildTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"warning (IL|CS|CA|NU|NETSDK)[0-9]+", RegexOptions.IgnoreCase)]
    private static partial Regex WarningLine();
}
