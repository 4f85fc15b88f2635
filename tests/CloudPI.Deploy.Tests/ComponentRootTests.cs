using CloudPI.Commands;

namespace CloudPI.Deploy.Tests;

/// <summary>Each executable's root is its component command, with the common options.</summary>
public class ComponentRootTests
{
    [Theory]
    [MemberData(nameof(Components.Names), MemberType = typeof(Components))]
    public void Root_has_the_component_options_action_and_common_options(string executable)
    {
        var component = Components.Get(executable);
        var command = component.Factory();
        var root = ComponentRoot.For(command);

        Assert.Same(command.Action, root.Action);
        Assert.NotNull(root.Action);
        Assert.Equal(command.Description, root.Description);
        Assert.Contains(CommonOptions.Debug, root.Options);
        Assert.Contains(CommonOptions.LogFormat, root.Options);
        Assert.All(command.Options, o => Assert.Contains(o, root.Options));
        Assert.Equal(command.Arguments, root.Arguments);
        Assert.Single(root.Options, o => o.Name == "--help");
        Assert.Empty(root.Subcommands);
    }

    [Theory]
    [MemberData(nameof(Components.Names), MemberType = typeof(Components))]
    public async Task Help_lists_the_component_options_under_the_executable_name(string executable)
    {
        var component = Components.Get(executable);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(["--help"], ComponentRoot.For(component.Factory()), executable, output, error);

        Assert.Equal(0, exit);
        var help = output.ToString();
        Assert.Contains("-debug", help, StringComparison.Ordinal);
        Assert.Contains("--log-format", help, StringComparison.Ordinal);
        Assert.Contains(component.Kind == "producer" ? "-out" : "-read_path", help, StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Unknown_flag_is_a_usage_error_named_after_the_executable()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = ComponentRoot.For(Components.Get("cloudpi-enricher-reachability").Factory());
        var exit = await CliApp.RunAsync(["--no-such-flag"], root, "cloudpi-enricher-reachability", output, error);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("cloudpi-enricher-reachability: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enricher_without_read_path_fails_with_dracon_message()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = ComponentRoot.For(Components.Get("cloudpi-enricher-exploitability").Factory());
        var previous = Environment.GetEnvironmentVariable("READ_PATH");
        Assert.Null(previous);
        var exit = await CliApp.RunAsync(["--graph", "/nonexistent.json"], root, "cloudpi-enricher-exploitability", output, error);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("read_path is undefined", error.ToString(), StringComparison.Ordinal);
    }
}
