using System.CommandLine;

namespace CloudPI.Commands;

/// <summary>
/// Turns one component command (e.g. <c>cloudpi producer awsconfig</c>) into the root command of its own executable
/// (<c>cloudpi-producer-awsconfig</c>): same options, arguments, validators and action, plus the common options.
/// </summary>
public static class ComponentRoot
{
    public static RootCommand For(Command component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var root = new RootCommand(component.Description ?? string.Empty);
        foreach (var option in component.Options)
        {
            if (option.Name is not ("--help" or "--version") && option != CommonOptions.Debug && option != CommonOptions.LogFormat)
            {
                root.Options.Add(option);
            }
        }

        root.Options.Add(CommonOptions.Debug);
        root.Options.Add(CommonOptions.LogFormat);

        foreach (var argument in component.Arguments)
        {
            root.Arguments.Add(argument);
        }

        foreach (var subcommand in component.Subcommands)
        {
            root.Subcommands.Add(subcommand);
        }

        foreach (var validator in component.Validators)
        {
            root.Validators.Add(validator);
        }

        root.Action = component.Action;
        root.TreatUnmatchedTokensAsErrors = component.TreatUnmatchedTokensAsErrors;
        return root;
    }
}
