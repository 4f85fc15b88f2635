using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudPI.Aws.Transport;

/// <summary>AWS JSON 1.1 timestamps are epoch seconds as JSON numbers, possibly fractional (1.763880012345E9).</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"expected a timestamp in epoch seconds, found {reader.TokenType}");
        }

        var ticks = Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond);
        return DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((value - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond);
}
