using System.CommandLine;
using System.Runtime.InteropServices;

namespace CloudPI.Commands;

/// <summary>
/// Runs a command tree with CloudPI's conventions: exit 2 for usage errors, 1 for failures, one clear line per
/// error on stderr (the full exception only with --debug).
/// </summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CloudPICommands.CreateRoot(), CloudPICommands.ProgramName);

    /// <summary>Runs <paramref name="root"/>; <paramref name="programName"/> prefixes every error line.</summary>
    public static Task<int> RunAsync(string[] args, RootCommand root, string programName) =>
        RunAsync(args, root, programName, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, RootCommand root, string programName, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(error);
        var parseResult = root.Parse(GoStyleFlags.Normalize(args));
        if (parseResult.Errors.Count > 0 && !IsHelpRequest(parseResult))
        {
            var secrets = SecretsGiven(args);
            foreach (var parseError in parseResult.Errors)
            {
                var message = secrets.Aggregate(parseError.Message, (text, secret) => text.Replace(secret, "***", StringComparison.Ordinal));
                await error.WriteLineAsync($"{programName}: {message.ReplaceLineEndings(" ").Replace('\t', ' ')}").ConfigureAwait(false);
            }

            if (secrets.Count > 0)
            {
                await error.WriteLineAsync($"{programName}: secrets are never taken on the command line: put them in an environment variable and name it (e.g. --neo4j-password-env-var NEO4J_PASSWORD)").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Run '{CommandPath(programName, parseResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Our own signal handling (not System.CommandLine's 2-second grace): the work unwinds, every temporary file is
        // removed and nothing is renamed into place, however long that takes, and SIGTERM gets its own exit code.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error, ProcessTerminationTimeout = null };
        using var interruption = new CancellationTokenSource();
        PosixSignal? received = null;
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            received ??= signal.Signal;
            interruption.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        CloudPI.Dracon.Io.ProcessInterruption.ObserveSignals(interruption.Token);
        try
        {
            return await parseResult.InvokeAsync(configuration, interruption.Token).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"{programName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (received is { } signal)
        {
            await error.WriteLineAsync($"{programName}: stopped by {signal}; no partial output was left").ConfigureAwait(false);
            return signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"{programName}: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The top of the program: every failure becomes one line and exit code 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var debug = parseResult.GetValue(CommonOptions.Debug);
            await error.WriteLineAsync(debug ? $"{programName}: {ex}" : $"{programName}: {OneLine(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Values given after a flag that names a secret (--neo4j-password X, --aws-secret-key=X): no such flag exists, and
    /// the parse error would echo X; they are masked wherever an error repeats them.
    /// </summary>
    private static List<string> SecretsGiven(string[] args)
    {
        static bool NamesSecret(string flag) =>
            flag.StartsWith('-') && !flag.EndsWith("-env-var", StringComparison.OrdinalIgnoreCase)
            && new[] { "password", "secret", "token" }.Any(word => flag.Contains(word, StringComparison.OrdinalIgnoreCase));

        var secrets = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (flag, inline) = args[i].IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            if (!NamesSecret(flag))
            {
                continue;
            }

            var value = inline ?? (i + 1 < args.Length ? args[i + 1] : null);
            if (!string.IsNullOrEmpty(value))
            {
                secrets.Add(value);
            }
        }

        return secrets;
    }

    private static bool IsHelpRequest(ParseResult parseResult) =>
        parseResult.Tokens.Any(t => t.Value is "--help" or "-h" or "-?");

    private static string CommandPath(string programName, ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result?.Parent is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        names.Insert(0, programName);
        return string.Join(' ', names);
    }

    private static string OneLine(Exception ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        return ex is IOException or UnauthorizedAccessException or UsageException || ex.GetType().Namespace?.StartsWith("CloudPI", StringComparison.Ordinal) == true
            ? message
            : $"{message} ({ex.GetType().Name}; rerun with --debug for details)";
    }
}
