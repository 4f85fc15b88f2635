using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// A record's tokens read straight from its line, for the JSON that exports hold: tokenising with
/// <see cref="Utf8JsonReader"/> cost about as much as everything else a load does. It accepts a subset of what
/// <see cref="Utf8JsonReader"/> accepts (all of JSON up to 60 levels deep), checked as strictly, and gives the same
/// tokens. Anything else, valid or not, throws <see cref="LeaveFastPath"/> at once; the caller then reads the record
/// again with <see cref="StrictRecordTokens"/>, whose answer (the record, or the exact error) stands.
/// </summary>
internal ref struct FastRecordTokens(ReadOnlySpan<byte> json) : IRecordTokens
{
    /// <summary>Below the 64 levels past which <see cref="Utf8JsonReader"/> refuses a document.</summary>
    private const int MaxDepth = 60;

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private readonly ReadOnlySpan<byte> _json = json;
    private int _position;
    private int _depth;

    // Bit d is set while the container opened at depth d + 1 is an array.
    private ulong _arrays;
    private JsonTokenType _type;
    private int _start;
    private int _length;
    private bool _escaped;

    public readonly JsonTokenType TokenType => _type;

    public readonly bool ValueIsEscaped => _escaped;

    public readonly ReadOnlySpan<byte> ValueSpan => _json.Slice(_start, _length);

    public readonly int BytesConsumed => _position;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        var at = SkipWhitespace(_position);
        if (at >= _json.Length)
        {
            throw LeaveFastPath.Instance;
        }

        var next = _json[at];
        if (_depth == 0)
        {
            // A record is one object; the parser reads nothing after its closing brace.
            return _type == JsonTokenType.None && next == (byte)'{' ? Open(at, array: false) : throw LeaveFastPath.Instance;
        }

        var inArray = ((_arrays >> (_depth - 1)) & 1) != 0;
        switch (_type)
        {
            case JsonTokenType.StartObject:
                return next == (byte)'}' ? Close(at) : PropertyName(at);
            case JsonTokenType.PropertyName:
                return Value(at, next);
            case JsonTokenType.StartArray:
                return next == (byte)']' ? Close(at) : Value(at, next);
            default:
                // After a value: the container ends, or a comma leads to the next member.
                if (next == (inArray ? (byte)']' : (byte)'}'))
                {
                    return Close(at);
                }

                if (next != (byte)',')
                {
                    throw LeaveFastPath.Instance;
                }

                at = SkipWhitespace(at + 1);
                if (at >= _json.Length)
                {
                    throw LeaveFastPath.Instance;
                }

                return inArray ? Value(at, _json[at]) : PropertyName(at);
        }
    }

    public void Skip()
    {
        if (_type == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (_type is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = _depth;
            do
            {
                Read();
            }
            while (_depth >= depth);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text) =>
        _escaped ? EscapedTextEquals(utf8Text) : ValueSpan.SequenceEqual(utf8Text);

    public readonly string GetString() => _escaped ? EscapedString() : Encoding.UTF8.GetString(ValueSpan);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly int CopyString(Span<byte> destination) => OnString().CopyString(destination);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly bool TryGetInt64(out long value) =>
        Utf8Parser.TryParse(ValueSpan, out value, out var consumed) && consumed == _length; // as Utf8JsonReader reads it

    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly double GetDouble()
    {
        var reader = new Utf8JsonReader(ValueSpan);
        reader.Read();
        return reader.GetDouble();
    }

    // The escaped cases take a Utf8JsonReader, in methods of their own: inlined, its large state would be cleared on
    // every call of the parser's methods, escaped or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly bool EscapedTextEquals(ReadOnlySpan<byte> utf8Text) => OnString().ValueTextEquals(utf8Text);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly string EscapedString() => OnString().GetString()!;

    /// <summary>A reader on the current string alone, quotes included, on its token.</summary>
    private readonly Utf8JsonReader OnString()
    {
        var reader = new Utf8JsonReader(_json.Slice(_start - 1, _length + 2));
        reader.Read();
        return reader;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Value(int at, byte first)
    {
        switch (first)
        {
            case (byte)'"':
                return String(at, JsonTokenType.String);
            case (byte)'{':
                return Open(at, array: false);
            case (byte)'[':
                return Open(at, array: true);
            case (byte)'t':
                return Literal(at, "true"u8, JsonTokenType.True);
            case (byte)'f':
                return Literal(at, "false"u8, JsonTokenType.False);
            case (byte)'n':
                return Literal(at, "null"u8, JsonTokenType.Null);
            default:
                return Number(at);
        }
    }

    /// <summary>A property name and the colon after it, as <see cref="Utf8JsonReader"/> reads them in one token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool PropertyName(int at)
    {
        if (_json[at] != (byte)'"')
        {
            throw LeaveFastPath.Instance;
        }

        String(at, JsonTokenType.PropertyName);
        var colon = SkipWhitespace(_position);
        if (colon >= _json.Length || _json[colon] != (byte)':')
        {
            throw LeaveFastPath.Instance;
        }

        _position = colon + 1;
        return true;
    }

    /// <summary>The string whose opening quote is at <paramref name="at"/>; escapes are checked as the strict reader checks them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool String(int at, JsonTokenType type)
    {
        var i = at + 1;
        var escaped = false;
        while (true)
        {
            i = StringStop(i);
            if (_json[i] == (byte)'"')
            {
                break;
            }

            if (_json[i] != (byte)'\\' || i + 1 >= _json.Length)
            {
                throw LeaveFastPath.Instance;
            }

            escaped = true;
            i += EscapeLength(_json[(i + 1)..]);
        }

        Token(type, at + 1, i - at - 1, escaped);
        _position = i + 1;
        return true;
    }

    /// <summary>
    /// Where the plain run of string bytes from <paramref name="at"/> stops: at a quote, a backslash or a control byte.
    /// Sixteen bytes at a time: most strings of an export (ids, names, regions) are shorter than that or a few times
    /// longer, where a general search spent more on starting than on searching.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int StringStop(int at)
    {
        ref var start = ref MemoryMarshal.GetReference(_json);
        var i = at;
        for (; i <= _json.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            var bytes = Vector128.LoadUnsafe(ref start, (nuint)i);
            var stops = Vector128.Equals(bytes, Vector128.Create((byte)'"'))
                | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))
                | Vector128.LessThan(bytes, Vector128.Create((byte)0x20));
            if (stops != Vector128<byte>.Zero)
            {
                return i + BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
            }
        }

        for (; i < _json.Length; i++)
        {
            if (_json[i] is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return i;
            }
        }

        throw LeaveFastPath.Instance;
    }

    /// <summary>The length of a valid escape (backslash included) whose backslash precedes <paramref name="after"/>.</summary>
    private static int EscapeLength(ReadOnlySpan<byte> after)
    {
        switch (after[0])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u' when after.Length >= 5 && !after[1..5].ContainsAnyExcept(HexDigits):
                return 6;
            default:
                throw LeaveFastPath.Instance;
        }
    }

    /// <summary>A number by JSON's grammar (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>), ended by whitespace, a comma or a bracket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Number(int at)
    {
        var i = at;
        if (_json[i] == (byte)'-')
        {
            i++;
        }

        if (i < _json.Length && _json[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = Digits(i);
        }

        if (i < _json.Length && _json[i] == (byte)'.')
        {
            i = Digits(i + 1);
        }

        if (i < _json.Length && (_json[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < _json.Length && _json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            i = Digits(i);
        }

        if (i >= _json.Length || _json[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)'}' or (byte)']'))
        {
            throw LeaveFastPath.Instance;
        }

        Token(JsonTokenType.Number, at, i - at, escaped: false);
        _position = i;
        return true;
    }

    /// <summary>Past one digit or more from <paramref name="at"/>.</summary>
    private readonly int Digits(int at)
    {
        var i = at;
        while (i < _json.Length && char.IsAsciiDigit((char)_json[i]))
        {
            i++;
        }

        return i > at ? i : throw LeaveFastPath.Instance;
    }

    private bool Literal(int at, ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_json[at..].StartsWith(literal))
        {
            throw LeaveFastPath.Instance;
        }

        Token(type, at, literal.Length, escaped: false);
        _position = at + literal.Length;
        return true;
    }

    private bool Open(int at, bool array)
    {
        if (_depth == MaxDepth)
        {
            throw LeaveFastPath.Instance;
        }

        if (array)
        {
            _arrays |= 1UL << _depth;
        }

        _depth++;
        Token(array ? JsonTokenType.StartArray : JsonTokenType.StartObject, at, 1, escaped: false);
        _position = at + 1;
        return true;
    }

    /// <summary>Ends the open container; the caller saw the bracket that ends its kind.</summary>
    private bool Close(int at)
    {
        _depth--;
        var array = ((_arrays >> _depth) & 1) != 0;
        _arrays &= ~(1UL << _depth);
        Token(array ? JsonTokenType.EndArray : JsonTokenType.EndObject, at, 1, escaped: false);
        _position = at + 1;
        return true;
    }

    private void Token(JsonTokenType type, int start, int length, bool escaped)
    {
        _type = type;
        _start = start;
        _length = length;
        _escaped = escaped;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int SkipWhitespace(int at)
    {
        while (at < _json.Length && _json[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }
}

/// <summary>The fast reader met something it leaves to the strict one. Thrown without a stack trace of interest, one instance for all.</summary>
internal sealed class LeaveFastPath : Exception
{
    public static readonly LeaveFastPath Instance = new();
}
