using System.CommandLine;

namespace CloudPI.Commands;

/// <summary>Binds an action that gets a <see cref="CommandContext"/>, so every command logs the same way.</summary>
internal static class CommandActions
{
    public static void SetHandler(this Command command, Func<ParseResult, CommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var context = CommandContext.Create(parseResult, parseResult.InvocationConfiguration.Output);
            return await action(parseResult, context, cancellationToken).ConfigureAwait(false);
        });

    public static void SetHandler(this Command command, Func<ParseResult, CommandContext, int> action) =>
        command.SetAction(parseResult =>
        {
            using var context = CommandContext.Create(parseResult, parseResult.InvocationConfiguration.Output);
            return action(parseResult, context);
        });
}
