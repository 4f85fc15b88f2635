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
        var root = new RootCommand(component.Description ?? string.Empty)
        {
            CommonOptions.Debug,
            CommonOptions.LogFormat,
        };
        foreach (var option in component.Options)
        {
            if (!root.Options.Contains(option) && option.Name is not ("--help" or "--version"))
            {
                root.Options.Add(option);
            }
        }

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
