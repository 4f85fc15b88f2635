using System.Globalization;
using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// The exporter's ids of nodes or relationships, by dense index. APOC and Neo4j ids are decimal numbers, so those
/// are kept as <see cref="long"/> (no string per element, cheap lookups); any other id is kept as text. APOC writes
/// elements in id order, often consecutively numbered: while every id is the one before plus one, an id is the first
/// plus its index, so nothing is stored per id and no lookup table is built until an id breaks the sequence.
/// </summary>
internal sealed class ExternalIds(bool indexed)
{
    private const long Textual = -1;
    private const int MaxDigits = 18;

    private readonly Column<long> _numbers = new();
    private readonly Dictionary<int, string> _texts = [];
    private readonly Dictionary<long, int> _byNumber = [];
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);

    /// <summary>Whether every id so far is <see cref="_firstId"/> plus its index (then the tables above are empty).</summary>
    private bool _consecutive = true;

    private long _firstId;

    public int Count { get; private set; }

    public string this[int index]
    {
        get
        {
            if (_consecutive)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
                return (_firstId + index).ToString(CultureInfo.InvariantCulture);
            }

            return _numbers[index] == Textual ? _texts[index] : _numbers[index].ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Appends an id; false (nothing added) when this indexed set already has it.</summary>
    public bool TryAdd(string id) => TryParse(id.AsSpan(), out var number) ? TryAddNumber(number) : TryAddText(id);

    /// <inheritdoc cref="TryAdd(string)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<byte> utf8) =>
        TryParse(utf8, out var number) ? TryAddNumber(number) : TryAddText(System.Text.Encoding.UTF8.GetString(utf8));

    public bool TryGetIndex(string id, out int index) =>
        TryParse(id.AsSpan(), out var number) ? TryGetNumberIndex(number, out index) : _byText.TryGetValue(id, out index);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetIndex(ReadOnlySpan<byte> utf8, out int index) =>
        TryParse(utf8, out var number)
            ? TryGetNumberIndex(number, out index)
            : _byText.TryGetValue(System.Text.Encoding.UTF8.GetString(utf8), out index);

    public void Freeze() => _numbers.Freeze();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryGetNumberIndex(long number, out int index)
    {
        if (!_consecutive)
        {
            return _byNumber.TryGetValue(number, out index);
        }

        var offset = number - _firstId;
        var found = (ulong)offset < (ulong)Count;
        index = found ? (int)offset : 0;
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAddNumber(long number)
    {
        if (_consecutive)
        {
            if (Count == 0)
            {
                _firstId = number;
            }

            if (number == _firstId + Count)
            {
                Count++;
                return true;
            }

            StoreEach();
        }

        if (indexed && !_byNumber.TryAdd(number, _numbers.Count))
        {
            return false;
        }

        _numbers.Add(number);
        Count++;
        return true;
    }

    private bool TryAddText(string id)
    {
        if (_consecutive)
        {
            StoreEach();
        }

        if (indexed && !_byText.TryAdd(id, _numbers.Count))
        {
            return false;
        }

        _texts.Add(_numbers.Count, id);
        _numbers.Add(Textual);
        Count++;
        return true;
    }

    /// <summary>Ends the consecutive numbering: stores the ids so far one by one, as any later id is.</summary>
    private void StoreEach()
    {
        _consecutive = false;
        if (indexed)
        {
            _byNumber.EnsureCapacity(Count);
        }

        for (var index = 0; index < Count; index++)
        {
            _numbers.Add(_firstId + index);
            if (indexed)
            {
                _byNumber.Add(_firstId + index, index);
            }
        }
    }

    /// <summary>Canonical decimals only ("0", "42", not "042" or "+4"), so the text round-trips exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParse<T>(ReadOnlySpan<T> digits, out long number)
        where T : System.Numerics.IBinaryInteger<T>
    {
        number = 0;
        if (digits.IsEmpty || digits.Length > MaxDigits)
        {
            return false;
        }

        foreach (var unit in digits)
        {
            var digit = int.CreateTruncating(unit) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            number = number * 10 + digit;
        }

        return digits.Length == 1 || int.CreateTruncating(digits[0]) != '0';
    }
}
