using System.Globalization;
using System.Text;

namespace CloudPI.Bolt.Values;

/// <summary>ISO-8601 text for Bolt temporal values over Neo4j's full year range (beyond what DateOnly/DateTime hold).</summary>
internal static class IsoFormat
{
    private const long NanosecondsPerSecond = 1_000_000_000;
    private const long SecondsPerDay = 86_400;

    public static void AppendDate(StringBuilder text, long epochDays)
    {
        // Civil-from-days (H. Hinnant): exact for every day count, proleptic Gregorian like Neo4j.
        var shifted = epochDays + 719_468;
        var era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097;
        var dayOfEra = shifted - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var shiftedMonth = (5 * dayOfYear + 2) / 153;
        var day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        var month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        var year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year is >= 0 and <= 9999)
        {
            text.Append(CultureInfo.InvariantCulture, $"{year:D4}");
        }
        else
        {
            text.Append(year < 0 ? '-' : '+').Append(CultureInfo.InvariantCulture, $"{Math.Abs(year):D4}");
        }

        text.Append(CultureInfo.InvariantCulture, $"-{month:D2}-{day:D2}");
    }

    public static void AppendTime(StringBuilder text, long nanosecondOfDay)
    {
        var seconds = nanosecondOfDay / NanosecondsPerSecond;
        var fraction = nanosecondOfDay % NanosecondsPerSecond;
        text.Append(CultureInfo.InvariantCulture, $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");
        AppendFraction(text, fraction);
    }

    public static void AppendOffset(StringBuilder text, int offsetSeconds)
    {
        if (offsetSeconds == 0)
        {
            text.Append('Z');
            return;
        }

        var magnitude = Math.Abs(offsetSeconds);
        text.Append(offsetSeconds < 0 ? '-' : '+').Append(CultureInfo.InvariantCulture, $"{magnitude / 3600:D2}:{magnitude / 60 % 60:D2}");
        if (magnitude % 60 != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $":{magnitude % 60:D2}");
        }
    }

    /// <summary>Date 'T' time for a count of seconds since the epoch in some local frame.</summary>
    public static void AppendDateTime(StringBuilder text, long epochSeconds, int nanoseconds)
    {
        var days = Math.DivRem(epochSeconds, SecondsPerDay, out var secondOfDay);
        if (secondOfDay < 0)
        {
            days--;
            secondOfDay += SecondsPerDay;
        }

        AppendDate(text, days);
        text.Append('T');
        AppendTime(text, secondOfDay * NanosecondsPerSecond + nanoseconds);
    }

    public static string Duration(long months, long days, long seconds, int nanoseconds)
    {
        var text = new StringBuilder("P");
        AppendComponent(text, months / 12, 'Y');
        AppendComponent(text, months % 12, 'M');
        AppendComponent(text, days, 'D');
        var totalSeconds = seconds + nanoseconds / (decimal)NanosecondsPerSecond;
        var hours = decimal.Truncate(totalSeconds / 3600);
        var minutes = decimal.Truncate((totalSeconds - hours * 3600) / 60);
        var remainingSeconds = totalSeconds - hours * 3600 - minutes * 60;
        if (hours != 0 || minutes != 0 || remainingSeconds != 0)
        {
            text.Append('T');
            AppendComponent(text, (long)hours, 'H');
            AppendComponent(text, (long)minutes, 'M');
            if (remainingSeconds != 0)
            {
                text.Append(remainingSeconds.ToString("0.#########", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void AppendComponent(StringBuilder text, long value, char designator)
    {
        if (value != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value}{designator}");
        }
    }

    private static void AppendFraction(StringBuilder text, long nanoseconds)
    {
        if (nanoseconds != 0)
        {
            text.Append('.').Append(nanoseconds.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
    }
}
