using System.CommandLine;

namespace CloudPI.Commands;

internal static class CommandArguments
{
    /// <summary>
    /// An optional positional argument would otherwise swallow a mistyped flag (<c>--no-such-flag</c>) as a path;
    /// reject it as the usage error it is.
    /// </summary>
    public static Argument<T> RejectingOptionLikeValues<T>(Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return argument;
    }
}
