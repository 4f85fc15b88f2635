using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// An issue being enriched, its annotations written straight to UTF-8 as they are made (JSON values included), then
/// encoded once as an <see cref="EnrichedIssue"/>: an enricher's many annotation strings never exist as strings, nor
/// in a map. The bytes equal those of an <see cref="EnrichedIssue"/> with the same raw issue and the annotations in
/// the order they were set.
/// </summary>
/// <remarks>Used by one thread at a time; <see cref="Encode"/> ends its life (its buffer is pooled).</remarks>
public sealed class AnnotatedIssue : IBufferWriter<byte>
{
    // EnrichedIssue: raw_issue = 1 and map<string, string> annotations = 7; a map entry: key = 1, value = 2 (all length-delimited).
    private const byte RawIssueTag = 1 << 3 | 2;
    private const byte AnnotationTag = 7 << 3 | 2;
    private const byte EntryKeyTag = 1 << 3 | 2;
    private const byte EntryValueTag = 2 << 3 | 2;

    /// <summary>How annotation JSON is written: compact, and readable (no \u escapes for arrows).</summary>
    public static JsonWriterOptions JsonOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One JSON writer per thread, reused; taken while in use so a value written inside another's callback gets its own.
    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    // The keys are a few dozen literals, each set on every issue: their UTF-8 is not counted and transcoded for each
    // annotation of each issue.
    private static readonly LiteralMemo<byte[]> KeysUtf8 = new(Encoding.UTF8.GetBytes);

    // Rented, as the value bytes are: an enricher annotates every issue of a run with about a dozen of them.
    private Annotation[] _annotations = ArrayPool<Annotation>.Shared.Rent(16);
    private int _count;
    // The lengths of the keys set (LengthBit): IndexOf walks the annotations only when a key of the same length is set.
    private ulong _keyLengths;
    private byte[] _values = ArrayPool<byte>.Shared.Rent(4096);
    private int _written;

    public AnnotatedIssue(Issue raw)
        : this(raw, default)
    {
    }

    /// <param name="encodedRaw">The bytes <paramref name="raw"/> encodes to (<see cref="IssueBytes"/>), written as
    /// they are; empty to have it encoded here.</param>
    public AnnotatedIssue(Issue raw, ReadOnlyMemory<byte> encodedRaw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
        _encodedRaw = encodedRaw;
    }

    private readonly ReadOnlyMemory<byte> _encodedRaw;
    private Severity? _severity;

    /// <summary>The issue it enriches, as it was read (<see cref="SetSeverity"/> changes what is written of it).</summary>
    public Issue Raw { get; }

    /// <summary>Writes the raw issue with <paramref name="severity"/> (an adjusted severity) instead of its own; the
    /// issue read is left as it is, and is not copied.</summary>
    public void SetSeverity(Severity severity) => _severity = severity;

    /// <summary>Annotates <paramref name="key"/> with <paramref name="value"/> (an annotation is set once).</summary>
    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Add(key, value, value);
    }

    /// <summary>Annotates <paramref name="key"/> with text that is not a string (a sentence in a reused builder, say).</summary>
    public void Set(string key, ReadOnlySpan<char> value) => Add(key, value, text: null);

    private void Add(string key, ReadOnlySpan<char> value, string? text)
    {
        var start = Start(key);
        _written += Encoding.UTF8.GetBytes(value, GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
        Add(new Annotation(key, KeysUtf8.Of(key), start, _written - start, text));
    }

    /// <summary>Annotates <paramref name="key"/> with compact, readable JSON (no \u escapes for arrows) written by
    /// <paramref name="write"/> from <paramref name="state"/>: a static callback and its state, so that every issue's
    /// annotations allocate no closures.</summary>
    public void SetJson<TState>(string key, TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var start = Start(key);
        var json = t_json ?? new Utf8JsonWriter(this, JsonOptions);
        t_json = null;
        try
        {
            json.Reset(this);
            write(json, state);
            json.Flush();
        }
        finally
        {
            json.Reset(Unattached.Instance);
            t_json = json;
        }

        Add(new Annotation(key, KeysUtf8.Of(key), start, _written - start, Text: null));
    }

    /// <summary>Annotates <paramref name="key"/> with a value already in UTF-8: JSON written once and shared by many
    /// issues, say.</summary>
    public void SetUtf8(string key, ReadOnlySpan<byte> value)
    {
        var start = Start(key);
        value.CopyTo(GetSpan(value.Length));
        _written += value.Length;
        Add(new Annotation(key, KeysUtf8.Of(key), start, value.Length, Text: null));
    }

    /// <summary>What a reused JSON writer points at between values, so that it holds no issue: a stream would cost the
    /// writer a new buffer on every reset (three per issue), this costs nothing. Never written to.</summary>
    private sealed class Unattached : IBufferWriter<byte>
    {
        public static readonly Unattached Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("a JSON writer was used while attached to no annotation");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("a JSON writer was used while attached to no annotation");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("a JSON writer was used while attached to no annotation");
    }

    /// <summary>The value set for <paramref name="key"/>, or null when it has none.</summary>
    public string? Get(string key)
    {
        ObjectDisposedException.ThrowIf(_values.Length == 0, this);
        return IndexOf(key) is var at and >= 0 ? _annotations[at].Text ?? Encoding.UTF8.GetString(_values, _annotations[at].Start, _annotations[at].Length) : null;
    }

    private int IndexOf(string key)
    {
        // Every annotation set asks whether its key is set already; most keys' lengths are set by no other key.
        if ((_keyLengths & LengthBit(key)) == 0)
        {
            return -1;
        }

        for (var at = 0; at < _count; at++)
        {
            if (_annotations[at].Key == key)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The enriched issue's bytes (in a rented array the writer releases), with what the writer checks of it; the annotations are done.</summary>
    public EncodedIssue Encode()
    {
        ObjectDisposedException.ThrowIf(_values.Length == 0, this);
        // The raw issue's bytes: given (encoded while the graph loaded), or encoded here into a rented array.
        byte[]? rentedRaw = null;
        var encodedRaw = _encodedRaw.Span;
        if (encodedRaw.IsEmpty)
        {
            var length = Raw.CalculateSize();
            rentedRaw = ArrayPool<byte>.Shared.Rent(length);
            Raw.WriteTo(rentedRaw.AsSpan(0, length));
            encodedRaw = rentedRaw.AsSpan(0, length);
        }

        var rawSize = _severity is { } severity ? IssueBytes.SizeWithSeverity(encodedRaw, severity) : encodedRaw.Length;
        var size = 1 + CodedOutputStream.ComputeLengthSize(rawSize) + rawSize;
        string? empty = null;
        var annotations = _annotations.AsSpan(0, _count);
        foreach (var annotation in annotations)
        {
            var entry = annotation.EntrySize;
            size += 1 + CodedOutputStream.ComputeLengthSize(entry) + entry;
            if (empty is null && (annotation.Key.Length == 0 || annotation.Length == 0))
            {
                empty = annotation.Key;
            }
        }

        var bytes = EncodedIssue.Pool.Rent(size);
        var at = 0;
        bytes[at++] = RawIssueTag;
        at += WriteLength(bytes.AsSpan(at), rawSize);
        if (_severity is { } adjusted)
        {
            IssueBytes.WriteWithSeverity(encodedRaw, adjusted, bytes.AsSpan(at, rawSize));
        }
        else
        {
            encodedRaw.CopyTo(bytes.AsSpan(at));
        }

        at += rawSize;
        if (rentedRaw is not null)
        {
            ArrayPool<byte>.Shared.Return(rentedRaw);
        }

        foreach (var annotation in annotations)
        {
            bytes[at++] = AnnotationTag;
            at += WriteLength(bytes.AsSpan(at), annotation.EntrySize);
            bytes[at++] = EntryKeyTag;
            at += WriteLength(bytes.AsSpan(at), annotation.KeyUtf8.Length);
            annotation.KeyUtf8.CopyTo(bytes.AsSpan(at));
            at += annotation.KeyUtf8.Length;
            bytes[at++] = EntryValueTag;
            at += WriteLength(bytes.AsSpan(at), annotation.Length);
            _values.AsSpan(annotation.Start, annotation.Length).CopyTo(bytes.AsSpan(at));
            at += annotation.Length;
        }

        ArrayPool<byte>.Shared.Return(_values);
        _values = [];
        ArrayPool<Annotation>.Shared.Return(_annotations, clearArray: true); // it holds strings
        _annotations = [];
        return EncodedIssue.FromRented(bytes, size, Raw.Uuid, empty);
    }

    private void Add(Annotation annotation)
    {
        if (_count == _annotations.Length)
        {
            var larger = ArrayPool<Annotation>.Shared.Rent(_count * 2);
            _annotations.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<Annotation>.Shared.Return(_annotations, clearArray: true);
            _annotations = larger;
        }

        _annotations[_count++] = annotation;
        _keyLengths |= LengthBit(annotation.Key);
    }

    /// <summary>A key's length as one bit of 64 (lengths 64 apart share one): a key whose bit is not set is not set.</summary>
    private static ulong LengthBit(string key) => 1UL << (key.Length & 63);

    void IBufferWriter<byte>.Advance(int count) => _written += count;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        Reserve(sizeHint);
        return _values.AsMemory(_written);
    }

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => GetSpan(sizeHint);

    private Span<byte> GetSpan(int sizeHint)
    {
        Reserve(sizeHint);
        return _values.AsSpan(_written);
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (some when 0).</summary>
    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 256);
        if (needed > _values.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _values.Length * 2));
            _values.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_values);
            _values = larger;
        }
    }

    private int Start(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_values.Length == 0, this);
        if (IndexOf(key) >= 0)
        {
            throw new InvalidOperationException($"annotation {key} is already set");
        }

        return _written;
    }

    private static int WriteLength(Span<byte> destination, int length) => Varint.Write((uint)length, destination);

    private readonly record struct Annotation(string Key, byte[] KeyUtf8, int Start, int Length, string? Text)
    {
        public int EntrySize => 1 + CodedOutputStream.ComputeLengthSize(KeyUtf8.Length) + KeyUtf8.Length + 1 + CodedOutputStream.ComputeLengthSize(Length) + Length;
    }
}
