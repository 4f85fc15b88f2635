using System.Runtime.CompilerServices;
using System.Text;

namespace CloudPI.Graph;

/// <summary>Interns names (labels, relationship types, property keys) to small integer handles.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Utf8Lookup<int> _utf8Ids = new(512);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public string this[int id] => _names[id];

    public int Intern(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids.Add(name, id);
            _names.Add(name);
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

    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);
}
