using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>Interns sets of label ids; each set keeps its labels sorted by name, as APOC writes them.</summary>
internal sealed class LabelSets
{
    private readonly StringTable _labels;
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly List<int[]> _sets = [];
    private readonly List<string[]> _names = [];

    public LabelSets(StringTable labels)
    {
        _labels = labels;
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _sets.Count;

    public int[] LabelIds(int setId) => _sets[setId];

    public string[] LabelNames(int setId) => _names[setId];

    /// <summary>The set id for these label ids (any order, duplicates allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(Span<int> labelIds)
    {
        labelIds.Sort();
        // The key is the distinct sorted ids packed as chars: cheap to look up without allocating.
        Span<char> key = labelIds.Length <= 64 ? stackalloc char[labelIds.Length] : new char[labelIds.Length];
        var length = 0;
        foreach (var id in labelIds)
        {
            if (length == 0 || key[length - 1] != (char)id)
            {
                key[length++] = (char)checked((ushort)id);
            }
        }

        if (_byKeySpan.TryGetValue(key[..length], out var setId))
        {
            return setId;
        }

        var names = new string[length];
        var ids = new int[length];
        for (var i = 0; i < length; i++)
        {
            ids[i] = key[i];
            names[i] = _labels[key[i]];
        }

        Array.Sort(names, ids, StringComparer.Ordinal);
        setId = _sets.Count;
        _sets.Add(ids);
        _names.Add(names);
        _byKey.Add(key[..length].ToString(), setId);
        return setId;
    }
}
