using System.Numerics;
using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// A fixed number of integers in [0, bound), each in just the bits the bound needs: an organisation's index of node
/// and relationship numbers (<see cref="Apoc.ApocAccountIndex"/>) lives under every account's analysis, and 104,215
/// nodes need 17 bits where an <see cref="int"/> takes 32.
/// </summary>
/// <remarks>On the pinned-object heap, like the index's columns: it outlives many compacting collections, which then
/// never copy it.</remarks>
internal sealed class PackedInts
{
    // One word more than the values fill, so a value is always read from two words without a branch.
    private readonly ulong[] _words;
    private readonly int _bits;
    private readonly ulong _mask;
    private readonly int _bound;

    public PackedInts(int count, int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        Count = count;
        _bound = bound;
        _bits = bound <= 2 ? 1 : BitOperations.Log2((uint)(bound - 1)) + 1;
        _mask = (1UL << _bits) - 1;
        _words = GC.AllocateArray<ulong>((int)(((long)count * _bits + 63) / 64) + 1, pinned: true);
    }

    public static PackedInts Empty { get; } = new(0, 0);

    public int Count { get; }

    /// <summary>The bits each value takes.</summary>
    public int Bits => _bits;

    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var bit = (long)index * _bits;
            var (word, shift) = ((int)(bit >> 6), (int)(bit & 63));
            // The second word's share, shifted in two steps so that a shift of 64 (a value ending on a word's last bit) gives 0.
            return (int)(((_words[word] >> shift) | (_words[word + 1] << (63 - shift) << 1)) & _mask);
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _bound);
            var bit = (long)index * _bits;
            var (word, shift) = ((int)(bit >> 6), (int)(bit & 63));
            var bits = (ulong)value;
            _words[word] = (_words[word] & ~(_mask << shift)) | (bits << shift);
            if (shift + _bits > 64)
            {
                var spilled = 64 - shift;
                _words[word + 1] = (_words[word + 1] & ~(_mask >> spilled)) | (bits >> spilled);
            }
        }
    }

    /// <summary>The <paramref name="count"/> values <paramref name="valueAt"/> gives, each below <paramref name="bound"/>.</summary>
    public static PackedInts From(int count, int bound, Func<int, int> valueAt)
    {
        ArgumentNullException.ThrowIfNull(valueAt);
        var packed = new PackedInts(count, bound);
        for (var i = 0; i < count; i++)
        {
            packed[i] = valueAt(i);
        }

        return packed;
    }

    /// <summary>The values from <paramref name="start"/> on, <paramref name="length"/> of them, in order.</summary>
    public Slice Range(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + length, Count, nameof(length));
        return new Slice(this, start, length);
    }

    /// <summary>A run of consecutive values, enumerable without allocating.</summary>
    public readonly struct Slice(PackedInts values, int start, int length) : IEnumerable<int>
    {
        public int Count => length;

        public Enumerator GetEnumerator() => new(values, start, start + length);

        IEnumerator<int> IEnumerable<int>.GetEnumerator()
        {
            for (var i = start; i < start + length; i++)
            {
                yield return values[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<int>)this).GetEnumerator();
    }

    public struct Enumerator(PackedInts values, int at, int end)
    {
        private int _at = at - 1;

        public readonly int Current => values[_at];

        public bool MoveNext() => ++_at < end;
    }
}
