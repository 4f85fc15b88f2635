using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

/// <summary>Runs alone: its tests set Dracon's READ_PATH and WRITE_PATH for the whole process, and a command run by
/// another test meanwhile (a tagger given only its read path) would write where they point.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Read and write paths taken from the environment, as Dracon's components take them.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class ProcessEnvironmentTests
{
    [Fact]
    public async Task Read_and_write_paths_come_from_the_environment_as_in_dracon()
    {
        using var temp = new TempDirectory();
        var (producers, _) = EnricherCommandTests.WriteTagged(temp, EnricherCommandTests.MixedIssues());
        Environment.SetEnvironmentVariable("READ_PATH", producers);
        Environment.SetEnvironmentVariable("WRITE_PATH", temp.Combine("env-out"));
        try
        {
            var result = await Cli.RunAsync("enricher", "reachability", "--graph", EnricherCommandTests.Graph);

            Assert.Equal(0, result.ExitCode);
            Assert.True(File.Exists(temp.Combine("env-out", "mixed.reachability.enriched.pb")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("READ_PATH", null);
            Environment.SetEnvironmentVariable("WRITE_PATH", null);
        }
    }

    [Fact]
    public async Task Tag_without_any_read_path_is_a_usage_error()
    {
        Environment.SetEnvironmentVariable("READ_PATH", null);

        var result = await Cli.RunAsync("dracon", "tag");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cloudpi: read path is undefined: give DIR, -read_path or set READ_PATH\n", result.Error.ReplaceLineEndings("\n"));
    }
}
