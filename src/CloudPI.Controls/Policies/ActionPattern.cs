namespace CloudPI.Controls.Policies;

/// <summary>
/// IAM's wildcard matching: <c>*</c> any run, <c>?</c> one character, case-insensitive (as IAM matches actions). The one
/// implementation: identity policies (exploitability), resource policies (reachability) and IaC checks use it.
/// </summary>
public static class ActionPattern
{
    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        return Match(pattern.AsSpan(), value.AsSpan());
    }

    public static bool MatchesAny(IEnumerable<string> patterns, string value)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            if (Matches(pattern, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="MatchesAny(IEnumerable{string}, string)"/> over a list, without an enumerator: policies are asked this per data store.</summary>
    public static bool MatchesAny(IReadOnlyList<string> patterns, string value)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        for (var i = 0; i < patterns.Count; i++)
        {
            if (Matches(patterns[i], value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        // Iterative glob matching with one backtrack point: linear in practice, no recursion blow-up.
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
