namespace CloudPI.Commands;

/// <summary>
/// Dracon's Go components take flags as <c>-in=x</c>, <c>-in x</c> or <c>--in=x</c>; Tekton tasks written for them
/// pass <c>-name=value</c>. Splitting <c>=</c> here lets every form reach the parser as name and value.
/// </summary>
internal static class GoStyleFlags
{
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.Length > 1 && arg[0] == '-' && equals > 1 && !arg[..equals].Contains(' ', StringComparison.Ordinal))
            {
                result.Add(arg[..equals]);
                result.Add(arg[(equals + 1)..]);
            }
            else
            {
                result.Add(arg);
            }
        }

        return [.. result];
    }
}
