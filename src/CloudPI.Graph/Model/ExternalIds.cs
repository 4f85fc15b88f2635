using System.Globalization;
using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// The exporter's ids of nodes or relationships, by dense index. APOC and Neo4j ids are decimal numbers, so those
/// are kept as <see cref="long"/> (no string per element, cheap lookups); any other id is kept as text.
/// </summary>
internal sealed class ExternalIds(bool indexed)
{
    private const long Textual = -1;
    private const int MaxDigits = 18;

    private readonly Column<long> _numbers = new();
    private readonly Dictionary<int, string> _texts = [];
    private readonly Dictionary<long, int> _byNumber = [];
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);

    public int Count => _numbers.Count;

    public string this[int index] =>
        _numbers[index] == Textual ? _texts[index] : _numbers[index].ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends an id; false (nothing added) when this indexed set already has it.</summary>
    public bool TryAdd(string id) => TryParse(id.AsSpan(), out var number) ? TryAddNumber(number) : TryAddText(id);

    /// <inheritdoc cref="TryAdd(string)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<byte> utf8) =>
        TryParse(utf8, out var number) ? TryAddNumber(number) : TryAddText(System.Text.Encoding.UTF8.GetString(utf8));

    public bool TryGetIndex(string id, out int index) =>
        TryParse(id.AsSpan(), out var number) ? _byNumber.TryGetValue(number, out index) : _byText.TryGetValue(id, out index);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetIndex(ReadOnlySpan<byte> utf8, out int index) =>
        TryParse(utf8, out var number)
            ? _byNumber.TryGetValue(number, out index)
            : _byText.TryGetValue(System.Text.Encoding.UTF8.GetString(utf8), out index);

    public void Freeze() => _numbers.Freeze();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAddNumber(long number)
    {
        if (indexed && !_byNumber.TryAdd(number, _numbers.Count))
        {
            return false;
        }

        _numbers.Add(number);
        return true;
    }

    private bool TryAddText(string id)
    {
        if (indexed && !_byText.TryAdd(id, _numbers.Count))
        {
            return false;
        }

        _texts.Add(_numbers.Count, id);
        _numbers.Add(Textual);
        return true;
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
