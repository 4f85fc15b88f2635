using System.Globalization;
using System.Text.Json;

namespace CloudPI.Iac.Model;

/// <summary>Whether a property has a value a check can decide on.</summary>
public enum ValueState
{
    Missing,

    /// <summary>Computed only at deployment (the unknown sentinel) or hidden (a secret).</summary>
    Unknown,
    Known,
}

/// <summary>
/// A property value from resource inputs or outputs with Pulumi's encodings decoded: the unknown sentinel and secrets
/// become <see cref="ValueState.Unknown"/>, JSON null becomes <see cref="ValueState.Missing"/>, and walking into an
/// unknown value stays unknown, so a check can never mistake "not known yet" for "absent".
/// </summary>
public readonly struct IacValue
{
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string SignatureKey = "4dabf18193072939515e22adb298388d";
    private const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    private const string PreviewSecret = "[secret]";

    private readonly JsonElement _element;

    private IacValue(ValueState state, JsonElement element)
    {
        State = state;
        _element = element;
    }

    public static IacValue Missing => default;

    public static IacValue Unknown => new(ValueState.Unknown, default);

    public ValueState State { get; }

    public bool IsKnown => State == ValueState.Known;

    public bool IsUnknown => State == ValueState.Unknown;

    public bool IsMissing => State == ValueState.Missing;

    /// <summary>The decoded JSON; only meaningful when <see cref="IsKnown"/>.</summary>
    public JsonElement Element => _element;

    public static IacValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => Missing,
        JsonValueKind.String when element.ValueEquals(UnknownSentinel) || element.ValueEquals(PreviewSecret) => Unknown,
        JsonValueKind.Object when IsSecret(element) => DecodeSecret(element),
        _ => new(ValueState.Known, element),
    };

    public static IacValue Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return From(document.RootElement.Clone());
    }

    /// <summary>The named property of an object; unknown stays unknown, anything else without it is missing.</summary>
    public IacValue this[string name]
    {
        get
        {
            if (IsUnknown)
            {
                return Unknown;
            }

            return IsKnown && _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(name, out var child) ? From(child) : Missing;
        }
    }

    /// <summary>
    /// The elements of a list; a single object counts as a one-element list, because Pulumi flattens max-1 blocks
    /// into objects and IAM accepts a lone statement or action. An unknown list yields one unknown element.
    /// </summary>
    public IEnumerable<IacValue> Items()
    {
        if (IsUnknown)
        {
            return [Unknown];
        }

        if (!IsKnown)
        {
            return [];
        }

        return _element.ValueKind == JsonValueKind.Array ? _element.EnumerateArray().Select(From) : [this];
    }

    /// <summary>A string (numbers as their invariant text); null when missing, unknown or not a scalar.</summary>
    public string? String => IsKnown
        ? _element.ValueKind switch
        {
            JsonValueKind.String => _element.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => _element.GetRawText(),
            _ => null,
        }
        : null;

    /// <summary><c>true</c>/<c>"true"</c> or <c>false</c>/<c>"false"</c> (any case); null otherwise.</summary>
    public bool? Bool => IsKnown && bool.TryParse(String, out var value) ? value : null;

    public long? Integer => IsKnown && long.TryParse(String, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Whether this value or anything inside it is unknown.</summary>
    public bool ContainsUnknown()
    {
        if (IsUnknown)
        {
            return true;
        }

        if (!IsKnown)
        {
            return false;
        }

        return _element.ValueKind switch
        {
            JsonValueKind.Array => _element.EnumerateArray().Any(e => From(e).ContainsUnknown()),
            JsonValueKind.Object => _element.EnumerateObject().Any(p => From(p.Value).ContainsUnknown()),
            _ => false,
        };
    }

    /// <summary>A JSON document held in a string (policies, provider default tags), or the object itself.</summary>
    public IacValue ParseEmbeddedJson() =>
        IsKnown && _element.ValueKind == JsonValueKind.String ? FromJsonText(_element.GetString()!) : this;

    /// <summary>
    /// Parses JSON text such as a config value; text with an interpolated unknown (a new bucket's ARN in a policy) is
    /// unknown as a whole, and text that is not JSON is missing.
    /// </summary>
    public static IacValue FromJsonText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains(UnknownSentinel, StringComparison.Ordinal))
        {
            return Unknown;
        }

        try
        {
            return Parse(text);
        }
        catch (JsonException)
        {
            return Missing;
        }
    }

    public override string ToString() => State switch
    {
        ValueState.Known => _element.GetRawText(),
        ValueState.Unknown => "<unknown>",
        _ => "<missing>",
    };

    private static bool IsSecret(JsonElement element) =>
        element.TryGetProperty(SignatureKey, out var signature) && signature.ValueEquals(SecretSignature);

    /// <summary><c>stack export --show-secrets</c> keeps the JSON-encoded value in <c>plaintext</c>; otherwise it is hidden.</summary>
    private static IacValue DecodeSecret(JsonElement secret)
    {
        if (secret.TryGetProperty("plaintext", out var plaintext) && plaintext.ValueKind == JsonValueKind.String)
        {
            try
            {
                return Parse(plaintext.GetString()!);
            }
            catch (JsonException)
            {
                return Unknown;
            }
        }

        return Unknown;
    }
}
