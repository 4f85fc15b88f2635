using System.Runtime.CompilerServices;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// A value computed from a string, remembered per string object: an enricher writes a few dozen names (annotation keys,
/// kinds, terms) on every issue, nearly always as the same literal, and asks by reference instead of hashing and
/// comparing the text. Two slots per hash, so that two hot names that meet in one slot do not evict each other on every
/// look-up; a name that misses is computed again, never answered wrongly. Entries are immutable, so threads reading and
/// replacing slots side by side never see a torn one.
/// </summary>
public sealed class LiteralMemo<T>(Func<string, T> compute)
{
    private const int Slots = 128;
    private readonly Known?[] _known = new Known?[Slots];

    private sealed record Known(string Name, T Value);

    /// <summary>The value for <paramref name="name"/>.</summary>
    public T Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var first = RuntimeHelpers.GetHashCode(name) & (Slots - 2);
        for (var slot = first; slot <= first + 1; slot++)
        {
            if (Volatile.Read(ref _known[slot]) is { } known && ReferenceEquals(known.Name, name))
            {
                return known.Value;
            }
        }

        var value = compute(name);
        // The first slot while it is free, else the second: a name that settled in the first stays there.
        var into = Volatile.Read(ref _known[first]) is null ? first : first + 1;
        Volatile.Write(ref _known[into], new Known(name, value));
        return value;
    }
}
