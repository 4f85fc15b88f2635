using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CloudPI.Analysis.Reachability;

/// <summary>An inclusive range of IPv4 addresses, as 32-bit numbers.</summary>
public readonly record struct AddressRange(uint First, uint Last)
{
    public ulong Count => (ulong)Last - First + 1;
}

/// <summary>
/// An immutable set of IPv4 addresses kept as sorted, disjoint, non-adjacent ranges. Reachability questions are
/// "can SOME internet host get in", so every layer narrows a set of source addresses rather than testing one.
/// </summary>
public sealed class AddressSet : IEquatable<AddressSet>
{
    private readonly AddressRange[] _ranges;

    private AddressSet(AddressRange[] normalisedRanges) => _ranges = normalisedRanges;

    public static AddressSet Empty { get; } = new([]);

    public static AddressSet All { get; } = new([new AddressRange(0, uint.MaxValue)]);

    /// <summary>Address blocks that are not on the public internet (RFC 1122, 1918, 6598, 3927, multicast, reserved).</summary>
    public static IReadOnlyList<string> NonPublicCidrs { get; } =
    [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4",
    ];

    /// <summary>Every public IPv4 address: what "the internet" means as a source.</summary>
    public static AddressSet PublicInternet { get; } = All.Subtract(FromCidrs(NonPublicCidrs));

    public IReadOnlyList<AddressRange> Ranges => _ranges;

    public bool IsEmpty => _ranges.Length == 0;

    public ulong Count => _ranges.Aggregate(0UL, (sum, range) => sum + range.Count);

    public static AddressSet FromRange(uint first, uint last) =>
        first <= last ? new([new AddressRange(first, last)]) : throw new ArgumentException("first must not exceed last", nameof(first));

    /// <summary>Parses an IPv4 CIDR (<c>10.0.0.0/8</c>) or a bare address (a /32); false for IPv6 or malformed text.</summary>
    public static bool TryParseCidr(string? text, out AddressSet set)
    {
        set = Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        var prefixLength = 32;
        if ((slash >= 0 && !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength))
            || prefixLength is < 0 or > 32
            || !IPAddress.TryParse(addressText, out var address)
            || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        // Host bits set in the text ("10.0.0.5/8") are ignored, as AWS does.
        var hostMask = prefixLength == 0 ? uint.MaxValue : (1u << (32 - prefixLength)) - 1;
        set = FromRange(value & ~hostMask, (value & ~hostMask) | hostMask);
        return true;
    }

    public static AddressSet ParseCidr(string text) =>
        TryParseCidr(text, out var set) ? set : throw new FormatException($"not an IPv4 CIDR: \"{text}\"");

    /// <summary>The union of the IPv4 CIDRs among <paramref name="cidrs"/>; others (IPv6, malformed) are skipped.</summary>
    public static AddressSet FromCidrs(IEnumerable<string?> cidrs) =>
        cidrs.Aggregate(Empty, (set, cidr) => TryParseCidr(cidr, out var parsed) ? set.Union(parsed) : set);

    public AddressSet Union(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        return IsEmpty ? other : Normalise(_ranges.Concat(other._ranges).OrderBy(r => r.First));
    }

    public AddressSet Intersect(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new List<AddressRange>();
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            var first = Math.Max(_ranges[i].First, other._ranges[j].First);
            var last = Math.Min(_ranges[i].Last, other._ranges[j].Last);
            if (first <= last)
            {
                result.Add(new AddressRange(first, last));
            }

            // Advance whichever range ends first; the other may still overlap the next one.
            if (_ranges[i].Last < other._ranges[j].Last)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result.Count == 0 ? Empty : new AddressSet([.. result]);
    }

    public AddressSet Complement()
    {
        var result = new List<AddressRange>();
        ulong next = 0;
        foreach (var range in _ranges)
        {
            if (range.First > next)
            {
                result.Add(new AddressRange((uint)next, range.First - 1));
            }

            next = (ulong)range.Last + 1;
        }

        if (next <= uint.MaxValue)
        {
            result.Add(new AddressRange((uint)next, uint.MaxValue));
        }

        return result.Count == 0 ? Empty : new AddressSet([.. result]);
    }

    public AddressSet Subtract(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsEmpty || IsEmpty ? this : Intersect(other.Complement());
    }

    /// <summary>True when every address of <paramref name="other"/> is in this set.</summary>
    public bool Covers(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Subtract(this).IsEmpty;
    }

    public bool Overlaps(AddressSet other) => !Intersect(other).IsEmpty;

    /// <summary>The set as the fewest CIDR blocks, in address order.</summary>
    public IReadOnlyList<string> ToCidrs()
    {
        var cidrs = new List<string>();
        foreach (var range in _ranges)
        {
            ulong start = range.First;
            ulong end = (ulong)range.Last + 1;
            while (start < end)
            {
                // The largest block that is aligned at start and fits before end.
                var size = start == 0 ? 1UL << 32 : start & (~start + 1);
                while (start + size > end)
                {
                    size >>= 1;
                }

                cidrs.Add(FormatCidr((uint)start, 32 - BitLength(size)));
                start += size;
            }
        }

        return cidrs;
    }

    /// <summary>
    /// Names the set for a person: its CIDRs, or "all public IPv4 except …" when that is shorter (a NACL that
    /// blocks one host leaves an exposure better named by what it lacks).
    /// </summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "no address";
        }

        if (Covers(PublicInternet))
        {
            return "all public IPv4";
        }

        var cidrs = ToCidrs();
        var missingPublic = PublicInternet.Subtract(this).ToCidrs();
        return Overlaps(PublicInternet) && missingPublic.Count < cidrs.Count
            ? "all public IPv4 except " + string.Join(", ", missingPublic)
            : string.Join(", ", cidrs);
    }

    public bool Equals(AddressSet? other) => other is not null && _ranges.AsSpan().SequenceEqual(other._ranges);

    public override bool Equals(object? obj) => Equals(obj as AddressSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var range in _ranges)
        {
            hash.Add(range);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", ToCidrs());

    private static AddressSet Normalise(IEnumerable<AddressRange> sortedByFirst)
    {
        var merged = new List<AddressRange>();
        foreach (var range in sortedByFirst)
        {
            if (merged.Count > 0 && (ulong)merged[^1].Last + 1 >= range.First)
            {
                merged[^1] = merged[^1] with { Last = Math.Max(merged[^1].Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return new AddressSet([.. merged]);
    }

    private static int BitLength(ulong powerOfTwo) => 63 - (int)ulong.LeadingZeroCount(powerOfTwo);

    private static string FormatCidr(uint address, int prefixLength) => string.Create(
        CultureInfo.InvariantCulture,
        $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}/{prefixLength}");
}
