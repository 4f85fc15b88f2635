using System.Runtime.CompilerServices;
using System.Text;

namespace CloudPI.Graph;

/// <summary>Interns names (labels, relationship types, property keys) to small integer handles.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Utf8Lookup<int> _utf8Ids = new(512);
    private readonly List<string> _names = [];

    // The analyses ask for a few dozen names thousands of times each (a property key, a relationship type), nearly
    // always as the same literal: remembered per string object, they are answered by reference instead of by hashing
    // and comparing the text. Two slots per hash, so that two hot names that meet in one slot do not evict each other
    // on every look-up. Entries are immutable, so threads reading and replacing slots side by side never see a torn one.
    private const int ReferenceSlots = 512;
    private readonly KnownName?[] _byReference = new KnownName?[ReferenceSlots];

    private sealed record KnownName(string Name, int Id);

    public int Count => _names.Count;

    public string this[int id] => _names[id];

    public int Intern(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids.Add(name, id);
            _names.Add(name);
            Array.Clear(_byReference); // a name looked up in vain before may exist now
        }

        return id;
    }

    /// <summary>Interns straight from (unescaped) UTF-8, without allocating once the name is known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> utf8Name)
    {
        if (!_utf8Ids.TryGet(utf8Name, out var id))
        {
            id = Intern(Encoding.UTF8.GetString(utf8Name));
            _utf8Ids.Set(utf8Name, id);
        }

        return id;
    }

    public bool TryGetId(string name, out int id)
    {
        var first = RuntimeHelpers.GetHashCode(name) & (ReferenceSlots - 2);
        for (var slot = first; slot <= first + 1; slot++)
        {
            if (Volatile.Read(ref _byReference[slot]) is { } known && ReferenceEquals(known.Name, name))
            {
                id = known.Id;
                return id >= 0;
            }
        }

        var found = _ids.TryGetValue(name, out id);
        // The first slot while it is free, else the second: a name that settled in the first stays there.
        var into = Volatile.Read(ref _byReference[first]) is null ? first : first + 1;
        Volatile.Write(ref _byReference[into], new KnownName(name, found ? id : -1));
        return found;
    }
}
