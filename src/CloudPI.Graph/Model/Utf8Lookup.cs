using System.Runtime.CompilerServices;


namespace CloudPI.Graph;

/// <summary>
/// A fixed-size, direct-mapped cache from UTF-8 bytes to a value, so hot names and repeated values are recognised
/// straight from the JSON bytes without transcoding or allocating. A miss simply overwrites the slot.
/// </summary>
internal sealed class Utf8Lookup<T>
{
    private readonly byte[]?[] _keys;
    private readonly T[] _values;

    public Utf8Lookup(int slotsPowerOfTwo)
    {
        _keys = new byte[]?[slotsPowerOfTwo];
        _values = new T[slotsPowerOfTwo];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> utf8, out T value)
    {
        var slot = Utf8Hash.Slot(utf8, _keys.Length);
        var key = _keys[slot];
        if (key is not null && utf8.SequenceEqual(key))
        {
            value = _values[slot];
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(ReadOnlySpan<byte> utf8, T value)
    {
        var slot = Utf8Hash.Slot(utf8, _keys.Length);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
    }
}
