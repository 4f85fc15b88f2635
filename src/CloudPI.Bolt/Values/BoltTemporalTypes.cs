using System.Globalization;
using System.Text;
using CloudPI.Bolt.PackStream;

namespace CloudPI.Bolt.Values;

/// <summary>A calendar date; <see cref="ToString"/> gives ISO-8601 (yyyy-MM-dd).</summary>
public sealed record BoltDate(long EpochDays) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.Date, [EpochDays]);

    public override string ToString()
    {
        var text = new StringBuilder();
        IsoFormat.AppendDate(text, EpochDays);
        return text.ToString();
    }
}

/// <summary>A time of day with a UTC offset.</summary>
public sealed record BoltTime(long NanosecondOfDay, int OffsetSeconds) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.Time, [NanosecondOfDay, (long)OffsetSeconds]);

    public override string ToString()
    {
        var text = new StringBuilder();
        IsoFormat.AppendTime(text, NanosecondOfDay);
        IsoFormat.AppendOffset(text, OffsetSeconds);
        return text.ToString();
    }
}

/// <summary>A time of day without zone.</summary>
public sealed record BoltLocalTime(long NanosecondOfDay) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.LocalTime, [NanosecondOfDay]);

    public override string ToString()
    {
        var text = new StringBuilder();
        IsoFormat.AppendTime(text, NanosecondOfDay);
        return text.ToString();
    }
}

/// <summary>A date and time without zone.</summary>
public sealed record BoltLocalDateTime(long EpochSeconds, int Nanoseconds) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.LocalDateTime, [EpochSeconds, (long)Nanoseconds]);

    public override string ToString()
    {
        var text = new StringBuilder();
        IsoFormat.AppendDateTime(text, EpochSeconds, Nanoseconds);
        return text.ToString();
    }
}

/// <summary>
/// An instant (<see cref="UtcEpochSeconds"/> is always UTC, whichever wire form it came in) with either a fixed
/// offset or a named zone. Legacy 4.4 structures ('F'/'f', local seconds) are converted to UTC when read.
/// </summary>
public sealed record BoltDateTime : IBoltStructured
{
    private BoltDateTime(long utcEpochSeconds, int nanoseconds, int? offsetSeconds, string? zoneId)
    {
        UtcEpochSeconds = utcEpochSeconds;
        Nanoseconds = nanoseconds;
        OffsetSeconds = offsetSeconds;
        ZoneId = zoneId;
    }

    public long UtcEpochSeconds { get; }

    public int Nanoseconds { get; }

    /// <summary>The fixed offset, or null when the value carries a zone id.</summary>
    public int? OffsetSeconds { get; }

    public string? ZoneId { get; }

    public static BoltDateTime WithOffset(long utcEpochSeconds, int nanoseconds, int offsetSeconds) =>
        new(utcEpochSeconds, nanoseconds, offsetSeconds, null);

    public static BoltDateTime WithZone(long utcEpochSeconds, int nanoseconds, string zoneId) =>
        new(utcEpochSeconds, nanoseconds, null, zoneId);

    /// <summary>The offset in force at this instant: the fixed one, or the zone's from the system time-zone database (null if unknown).</summary>
    public int? EffectiveOffsetSeconds => OffsetSeconds ?? (ZoneId is null ? null : TimeZoneOffsets.AtUtc(ZoneId, UtcEpochSeconds));

    public PackStreamStructure ToStructure(BoltDialect dialect)
    {
        if (dialect.UtcDateTime)
        {
            return ZoneId is null
                ? new(BoltStructureTag.DateTime, [UtcEpochSeconds, (long)Nanoseconds, (long)OffsetSeconds!.Value])
                : new(BoltStructureTag.DateTimeZoneId, [UtcEpochSeconds, (long)Nanoseconds, ZoneId]);
        }

        var offset = EffectiveOffsetSeconds
            ?? throw new ArgumentException($"Time zone '{ZoneId}' is unknown here, so the legacy (local-seconds) DateTime form cannot be written.");
        return ZoneId is null
            ? new(BoltStructureTag.LegacyDateTime, [UtcEpochSeconds + offset, (long)Nanoseconds, (long)offset])
            : new(BoltStructureTag.LegacyDateTimeZoneId, [UtcEpochSeconds + offset, (long)Nanoseconds, ZoneId]);
    }

    /// <summary>ISO-8601 with offset, plus [zone] for zoned values; an unknown zone is shown in UTC ('Z'), which keeps the instant right.</summary>
    public override string ToString()
    {
        var offset = EffectiveOffsetSeconds ?? 0;
        var text = new StringBuilder();
        IsoFormat.AppendDateTime(text, UtcEpochSeconds + offset, Nanoseconds);
        IsoFormat.AppendOffset(text, offset);
        if (ZoneId is not null)
        {
            text.Append('[').Append(ZoneId).Append(']');
        }

        return text.ToString();
    }
}

/// <summary>A duration kept in Neo4j's four components (they do not normalise into each other).</summary>
public sealed record BoltDuration(long Months, long Days, long Seconds, int Nanoseconds) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.Duration, [Months, Days, Seconds, (long)Nanoseconds]);

    public override string ToString() => IsoFormat.Duration(Months, Days, Seconds, Nanoseconds);
}

/// <summary>A 2D point (SRID 7203 cartesian, 4326 WGS-84).</summary>
public sealed record BoltPoint2D(long Srid, double X, double Y) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.Point2D, [Srid, X, Y]);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SRID={Srid};POINT({X:R} {Y:R})");
}

/// <summary>A 3D point (SRID 9157 cartesian-3d, 4979 WGS-84-3d).</summary>
public sealed record BoltPoint3D(long Srid, double X, double Y, double Z) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => new(BoltStructureTag.Point3D, [Srid, X, Y, Z]);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SRID={Srid};POINT Z({X:R} {Y:R} {Z:R})");
}

internal static class TimeZoneOffsets
{
    public static int? AtUtc(string zoneId, long utcEpochSeconds)
    {
        var zone = Find(zoneId);
        if (zone is null || !TryToDateTime(utcEpochSeconds, out var utc))
        {
            return null;
        }

        return (int)zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).TotalSeconds;
    }

    /// <summary>The offset for a wall-clock time in a zone (legacy 'f' structures carry local seconds).</summary>
    public static int? AtLocal(string zoneId, long localEpochSeconds)
    {
        var zone = Find(zoneId);
        if (zone is null || !TryToDateTime(localEpochSeconds, out var local))
        {
            return null;
        }

        return (int)zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)).TotalSeconds;
    }

    private static TimeZoneInfo? Find(string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : null;

    private static bool TryToDateTime(long epochSeconds, out DateTime value)
    {
        var inRange = epochSeconds >= -62_135_596_800 && epochSeconds <= 253_402_300_799;
        value = inRange ? DateTime.UnixEpoch.AddSeconds(epochSeconds) : default;
        return inRange;
    }
}
