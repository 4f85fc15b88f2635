using System.Runtime.CompilerServices;
using System.Text;

namespace CloudPI.Graph;

/// <summary>
/// Shares repeated property values (regions, states, protocols, update tags) between nodes while loading.
/// Fixed-size, so unique values (ids, ARNs) only cost a slot overwrite, never unbounded growth.
/// </summary>
internal sealed class ValueCache
{
    private const int MaxCachedBytes = 96;
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private readonly string?[] _strings = new string?[1 << 14];
    private readonly object?[] _longs = new object?[1 << 13];

    public static object Box(bool value) => value ? BoxedTrue : BoxedFalse;

    /// <summary>The string for these UTF-8 bytes, shared with earlier equal values when it is short ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref var slot = ref _strings[Utf8Hash.Slot(utf8, _strings.Length)];
        if (slot is not null && Ascii.Equals(utf8, slot))
        {
            return slot;
        }

        var value = Encoding.UTF8.GetString(utf8);
        // Only ASCII values are cached: then a byte-to-char comparison is exact and no key copy is needed.
        if (value.Length == utf8.Length)
        {
            slot = value;
        }

        return value;
    }

    /// <summary>The same string, or an equal one seen recently (for values given as strings, e.g. by a Bolt loader).</summary>
    public string GetString(string value)
    {
        if (value.Length > MaxCachedBytes || !Ascii.IsValid(value))
        {
            return value;
        }

        Span<byte> utf8 = stackalloc byte[MaxCachedBytes];
        var bytes = utf8[..Encoding.ASCII.GetBytes(value, utf8)];
        ref var slot = ref _strings[Utf8Hash.Slot(bytes, _strings.Length)];
        if (slot is not null && Ascii.Equals(bytes, slot))
        {
            return slot;
        }

        slot = value;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public object Box(long value)
    {
        var slot = (int)((ulong)value * 0x9E3779B97F4A7C15UL >> 51);
        if (_longs[slot] is long cached && cached == value)
        {
            return _longs[slot]!;
        }

        object boxed = value;
        _longs[slot] = boxed;
        return boxed;
    }
}
