using System.Text.Json;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// The JSON tokens of one record, as the record parser reads them: the part of <see cref="Utf8JsonReader"/>'s surface
/// it uses. <see cref="StrictRecordTokens"/> is <see cref="Utf8JsonReader"/> itself; <see cref="FastRecordTokens"/> reads
/// the JSON that exports hold faster, and leaves anything else to it.
/// </summary>
internal interface IRecordTokens
{
    JsonTokenType TokenType { get; }

    bool ValueIsEscaped { get; }

    /// <summary>The token's raw text; a string's without its quotes and still escaped.</summary>
    ReadOnlySpan<byte> ValueSpan { get; }

    /// <summary>Where the record's text ends once its closing brace was read.</summary>
    int BytesConsumed { get; }

    bool Read();

    /// <summary>Past the value of the current property name, or the current object or array; nothing otherwise.</summary>
    void Skip();

    bool ValueTextEquals(ReadOnlySpan<byte> utf8Text);

    /// <summary>The current string or property name, unescaped.</summary>
    string GetString();

    /// <summary>The current string unescaped into <paramref name="destination"/>; returns the bytes written.</summary>
    int CopyString(Span<byte> destination);

    bool TryGetInt64(out long value);

    double GetDouble();
}

/// <summary>A record's tokens as <see cref="Utf8JsonReader"/> reads them: the reference for what is valid and for every error message.</summary>
internal ref struct StrictRecordTokens(ReadOnlySpan<byte> json) : IRecordTokens
{
    private Utf8JsonReader _reader = new(json);

    public readonly JsonTokenType TokenType => _reader.TokenType;

    public readonly bool ValueIsEscaped => _reader.ValueIsEscaped;

    public readonly ReadOnlySpan<byte> ValueSpan => _reader.ValueSpan;

    public readonly int BytesConsumed => (int)_reader.BytesConsumed;

    public bool Read() => _reader.Read();

    public void Skip() => _reader.Skip();

    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text) => _reader.ValueTextEquals(utf8Text);

    public readonly string GetString() => _reader.GetString()!;

    public readonly int CopyString(Span<byte> destination) => _reader.CopyString(destination);

    public readonly bool TryGetInt64(out long value) => _reader.TryGetInt64(out value);

    public readonly double GetDouble() => _reader.GetDouble();
}
