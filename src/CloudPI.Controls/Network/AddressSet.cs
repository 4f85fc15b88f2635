using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CloudPI.Controls.Network;

/// <summary>
/// An inclusive range of addresses as 128-bit numbers: IPv6 as it is, IPv4 mapped into <c>::ffff:0:0/96</c>, so
/// one set holds sources of both families and a layer that speaks only one family leaves the other untouched.
/// </summary>
public readonly record struct AddressRange(UInt128 First, UInt128 Last)
{
    public UInt128 Count => Last - First + 1;
}

/// <summary>
/// An immutable set of IPv4 and IPv6 addresses kept as sorted, disjoint, non-adjacent ranges. Reachability questions
/// are "can SOME internet host get in", so every layer narrows a set of source addresses rather than testing one.
/// </summary>
public sealed class AddressSet : IEquatable<AddressSet>
{
    /// <summary>Where IPv4 lives in the 128-bit space: the IPv4-mapped block <c>::ffff:0:0/96</c>.</summary>
    private static readonly UInt128 Ipv4Base = (UInt128)0xFFFF << 32;

    private readonly AddressRange[] _ranges;

    private AddressSet(AddressRange[] normalisedRanges) => _ranges = normalisedRanges;

    public static AddressSet Empty { get; } = new([]);

    /// <summary>Every address of both families: what a layer with missing data might let through.</summary>
    public static AddressSet All { get; } = new([new AddressRange(UInt128.Zero, UInt128.MaxValue)]);

    /// <summary>Every IPv4 address (<c>0.0.0.0/0</c>).</summary>
    public static AddressSet AllIpv4 { get; } = new([new AddressRange(Ipv4Base, Ipv4Base + uint.MaxValue)]);

    /// <summary>Every IPv6 address that is not IPv4 written as IPv6 (<c>::/0</c> as a rule means it).</summary>
    public static AddressSet AllIpv6 { get; } = All.Subtract(AllIpv4);

    /// <summary>IPv4 blocks that are not on the public internet (RFC 1122, 1918, 6598, 3927, multicast, reserved).</summary>
    public static IReadOnlyList<string> NonPublicCidrs { get; } =
    [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4",
    ];

    /// <summary>Every public IPv4 address.</summary>
    public static AddressSet PublicIpv4 { get; } = AllIpv4.Subtract(FromCidrs(NonPublicCidrs));

    /// <summary>Every public IPv6 address: global unicast <c>2000::/3</c>, less the documentation block.</summary>
    public static AddressSet PublicIpv6 { get; } = ParseCidr("2000::/3").Subtract(ParseCidr("2001:db8::/32"));

    /// <summary>What "the internet" means as a source: every public IPv4 and IPv6 address.</summary>
    public static AddressSet PublicInternet { get; } = PublicIpv4.Union(PublicIpv6);

    // The shared sets every path meets, numbered once they exist (after the properties above, in this order): which of
    // them covers which is read from a table. Every layer of every path asked it of the public internet's dozens of
    // ranges, walking them each time.
    private int _wellKnown = -1;
    private static readonly bool[][] WellKnownCovers = NumberWellKnown([All, AllIpv4, AllIpv6, PublicIpv4, PublicIpv6, PublicInternet]);

    private static bool[][] NumberWellKnown(AddressSet[] sets)
    {
        var covers = new bool[sets.Length][];
        for (var i = 0; i < sets.Length; i++)
        {
            covers[i] = new bool[sets.Length];
            for (var j = 0; j < sets.Length; j++)
            {
                covers[i][j] = sets[i].Covers(sets[j]);
            }
        }

        for (var i = 0; i < sets.Length; i++)
        {
            sets[i]._wellKnown = i;
        }

        return covers;
    }

    public IReadOnlyList<AddressRange> Ranges => _ranges;

    public bool IsEmpty => _ranges.Length == 0;

    public UInt128 Count => _ranges.Aggregate(UInt128.Zero, (sum, range) => sum + range.Count);

    /// <summary>True when the set holds every public address of at least one family: the whole internet can use it.</summary>
    public bool CoversInternet => Covers(PublicIpv4) || Covers(PublicIpv6);

    /// <summary>Parses an IPv4 or IPv6 CIDR (<c>10.0.0.0/8</c>, <c>::/0</c>) or a bare address; false for malformed text.</summary>
    public static bool TryParseCidr(string? text, out AddressSet set)
    {
        set = Empty;
        if (!TryParseBlock(text, out var block, out var isIpv4))
        {
            return false;
        }

        // An IPv6 rule never matches IPv4 traffic, even ::/0 over the mapped block.
        set = isIpv4 ? FromRange(block.First, block.Last) : FromRange(block.First, block.Last).Subtract(AllIpv4);
        return true;
    }

    /// <summary>
    /// The public addresses of the family of <paramref name="text"/> (an address or a CIDR) when it holds one of them,
    /// <see cref="PublicIpv4"/> or <see cref="PublicIpv6"/>; otherwise (private, reserved, malformed) <see cref="Empty"/>.
    /// Builds no set: every address of every resource analysed is asked.
    /// </summary>
    public static AddressSet PublicFamilyOf(string? text) =>
        !TryParseBlock(text, out var block, out var isIpv4) ? Empty
        : isIpv4 ? (PublicIpv4.Overlaps(block) ? PublicIpv4 : Empty)
        : PublicIpv6.Overlaps(block) ? PublicIpv6 : Empty; // no public IPv6 address is in the IPv4-mapped block

    /// <summary>The block a CIDR or a bare address names, as 128-bit numbers (IPv4 mapped).</summary>
    private static bool TryParseBlock(string? text, out AddressRange block, out bool isIpv4)
    {
        block = default;
        isIpv4 = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        UInt128 value;
        if (TryParseDottedQuad(addressText, out var ipv4))
        {
            isIpv4 = true;
            value = ipv4;
        }
        else if (IPAddress.TryParse(addressText, out var address) && !addressText.Contains('%'))
        {
            isIpv4 = address.AddressFamily == AddressFamily.InterNetwork;
            Span<byte> bytes = stackalloc byte[16];
            address.TryWriteBytes(bytes, out var written);
            value = ToNumber(bytes[..written]);
        }
        else
        {
            return false;
        }

        var maxPrefix = isIpv4 ? 32 : 128;
        var prefixLength = maxPrefix;
        if ((slash >= 0 && !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength))
            || prefixLength < 0 || prefixLength > maxPrefix)
        {
            return false;
        }

        var hostBits = maxPrefix - prefixLength;
        // Host bits set in the text ("10.0.0.5/8") are ignored, as AWS does.
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var first = value & ~hostMask;
        block = isIpv4 ? new AddressRange(Ipv4Base + first, Ipv4Base + (first | hostMask)) : new AddressRange(first, first | hostMask);
        return true;
    }

    /// <summary>
    /// The usual IPv4 text, four decimal parts without leading zeros ("10.0.0.5"), read without an <see cref="IPAddress"/>:
    /// every address of every resource analysed comes through here. Anything else (IPv6, or the shorthand and octal forms
    /// IPAddress also reads) is left to IPAddress, so both read every text alike.
    /// </summary>
    private static bool TryParseDottedQuad(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var parts = 0;
        var at = 0;
        while (at < text.Length)
        {
            var start = at;
            var part = 0;
            while (at < text.Length && char.IsAsciiDigit(text[at]) && at - start < 3)
            {
                part = (part * 10) + (text[at] - '0');
                at++;
            }

            var digits = at - start;
            if (digits == 0 || part > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)part;
            parts++;
            if (at == text.Length)
            {
                break;
            }

            if (text[at] != '.' || parts == 4)
            {
                return false;
            }

            at++;
            if (at == text.Length)
            {
                return false;
            }
        }

        return parts == 4;
    }

    public static AddressSet ParseCidr(string text) =>
        TryParseCidr(text, out var set) ? set : throw new FormatException($"not an IP CIDR: \"{text}\"");

    /// <summary>The union of the CIDRs among <paramref name="cidrs"/>; malformed ones are skipped.</summary>
    public static AddressSet FromCidrs(IEnumerable<string?> cidrs) =>
        cidrs.Aggregate(Empty, (set, cidr) => TryParseCidr(cidr, out var parsed) ? set.Union(parsed) : set);

    public AddressSet Union(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        // Alternatives (a balancer's subnets, a database's candidate subnets) mostly admit the same sources, or one
        // the other's: answer those without sorting and allocating.
        return IsEmpty || other.Covers(this) ? other
            : Covers(other) ? this
            : Normalise(_ranges.Concat(other._ranges).OrderBy(r => r.First));
    }

    public AddressSet Intersect(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Every layer of every path intersects sets that mostly contain one another: answer those without allocating.
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        if (other.Covers(this))
        {
            return this;
        }

        if (Covers(other))
        {
            return other;
        }

        var result = new List<AddressRange>();
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            var first = UInt128.Max(_ranges[i].First, other._ranges[j].First);
            var last = UInt128.Min(_ranges[i].Last, other._ranges[j].Last);
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
        var next = UInt128.Zero;
        var done = false;
        foreach (var range in _ranges)
        {
            if (range.First > next)
            {
                result.Add(new AddressRange(next, range.First - 1));
            }

            if (range.Last == UInt128.MaxValue)
            {
                done = true;
                break;
            }

            next = range.Last + 1;
        }

        if (!done)
        {
            result.Add(new AddressRange(next, UInt128.MaxValue));
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
        // Most sets asked are one of a few shared ones (the public internet's dozens of ranges), asked against themselves.
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_wellKnown >= 0 && other._wellKnown >= 0)
        {
            return WellKnownCovers[_wellKnown][other._wellKnown];
        }

        // One range (a rule's 0.0.0.0/0, say) covers a set when it covers the set's bounds: no walk of its ranges.
        if (_ranges.Length == 1 && other._ranges.Length > 0)
        {
            return _ranges[0].First <= other._ranges[0].First && other._ranges[^1].Last <= _ranges[0].Last;
        }

        // A set reaching past this one's bounds is not covered: settled without a walk, as an IPv6-wide set asked
        // against IPv4 ranges is on every layer of a path.
        if (other._ranges.Length > 0 && (_ranges.Length == 0 || other._ranges[0].First < _ranges[0].First || other._ranges[^1].Last > _ranges[^1].Last))
        {
            return false;
        }

        // Ranges are sorted, disjoint and non-adjacent, so a covered range lies inside a single range of this set.
        var i = 0;
        foreach (var range in other._ranges)
        {
            while (i < _ranges.Length && _ranges[i].Last < range.First)
            {
                i++;
            }

            if (i == _ranges.Length || _ranges[i].First > range.First || _ranges[i].Last < range.Last)
            {
                return false;
            }
        }

        return true;
    }

    private bool Overlaps(AddressRange range)
    {
        foreach (var own in _ranges)
        {
            if (UInt128.Max(own.First, range.First) <= UInt128.Min(own.Last, range.Last))
            {
                return true;
            }
        }

        return false;
    }

    public bool Overlaps(AddressSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            if (UInt128.Max(_ranges[i].First, other._ranges[j].First) <= UInt128.Min(_ranges[i].Last, other._ranges[j].Last))
            {
                return true;
            }

            if (_ranges[i].Last < other._ranges[j].Last)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>The set as the fewest CIDR blocks, in address order; IPv4 blocks are written as IPv4.</summary>
    public IReadOnlyList<string> ToCidrs()
    {
        var cidrs = new List<string>();
        // Cut at the IPv4 block's edges so that no block straddles the two families.
        foreach (var part in new[] { Intersect(AllIpv4), Subtract(AllIpv4) })
        {
            foreach (var range in part._ranges)
            {
                AppendCidrs(range, cidrs);
            }
        }

        return [.. cidrs.OrderBy(c => c.Contains(':', StringComparison.Ordinal))];
    }

    /// <summary>
    /// Names the set for a person, per family: its CIDRs, or "all public IPv4 except …" when that is shorter (a NACL
    /// that blocks one host leaves an exposure better named by what it lacks).
    /// </summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "no address";
        }

        var parts = new[] { Describe(Intersect(AllIpv4), PublicIpv4, "IPv4"), Describe(Intersect(AllIpv6), PublicIpv6, "IPv6") };
        return string.Join(" and ", parts.OfType<string>());
    }

    private static string? Describe(AddressSet family, AddressSet familyPublic, string name)
    {
        if (family.IsEmpty)
        {
            return null;
        }

        if (family.Covers(familyPublic))
        {
            return $"all public {name}";
        }

        var cidrs = family.ToCidrs();
        var missingPublic = familyPublic.Subtract(family).ToCidrs();
        return family.Overlaps(familyPublic) && missingPublic.Count < cidrs.Count
            ? $"all public {name} except " + string.Join(", ", missingPublic)
            : string.Join(", ", cidrs);
    }

    // Sets are keys of the layers' caches, asked for every path; most are one of a few shared sets (the public internet).
    public bool Equals(AddressSet? other) => other is not null && (ReferenceEquals(this, other) || _ranges.AsSpan().SequenceEqual(other._ranges));

    public override bool Equals(object? obj) => Equals(obj as AddressSet);

    // Hashed once: a set is immutable, and the public internet's dozens of ranges were hashed again for every path.
    private int _hash;

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var range in _ranges)
            {
                hash.Add(range);
            }

            _hash = hash.ToHashCode(); // a race writes the same value; a hash of 0 is recomputed each time, still right
        }

        return _hash;
    }

    public override string ToString() => string.Join(", ", ToCidrs());

    private static AddressSet FromRange(UInt128 first, UInt128 last) =>
        first <= last ? new([new AddressRange(first, last)]) : throw new ArgumentException("first must not exceed last", nameof(first));

    private static AddressSet Normalise(IEnumerable<AddressRange> sortedByFirst)
    {
        var merged = new List<AddressRange>();
        foreach (var range in sortedByFirst)
        {
            if (merged.Count > 0 && (merged[^1].Last == UInt128.MaxValue || merged[^1].Last + 1 >= range.First))
            {
                merged[^1] = merged[^1] with { Last = UInt128.Max(merged[^1].Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return new AddressSet([.. merged]);
    }

    private static void AppendCidrs(AddressRange range, List<string> cidrs)
    {
        var start = range.First;
        while (true)
        {
            // The largest block that is aligned at start and fits within the range.
            var bits = start == 0 ? 128 : (int)UInt128.TrailingZeroCount(start);
            while (bits > 0 && !Fits(start, bits, range.Last))
            {
                bits--;
            }

            cidrs.Add(FormatCidr(start, 128 - bits));
            var last = bits == 128 ? UInt128.MaxValue : start + ((UInt128.One << bits) - 1);
            if (last >= range.Last)
            {
                return;
            }

            start = last + 1;
        }
    }

    private static bool Fits(UInt128 start, int bits, UInt128 last) =>
        bits == 128 ? start == 0 && last == UInt128.MaxValue : last - start >= (UInt128.One << bits) - 1;

    private static string FormatCidr(UInt128 address, int prefixLength)
    {
        if (prefixLength >= 96 && address >= Ipv4Base && address <= Ipv4Base + uint.MaxValue)
        {
            var v4 = (uint)(address - Ipv4Base);
            return string.Create(CultureInfo.InvariantCulture, $"{v4 >> 24}.{(v4 >> 16) & 255}.{(v4 >> 8) & 255}.{v4 & 255}/{prefixLength - 96}");
        }

        var bytes = new byte[16];
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)(address & 0xFF);
            address >>= 8;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/{prefixLength}");
    }

    private static UInt128 ToNumber(ReadOnlySpan<byte> bytes)
    {
        var value = UInt128.Zero;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
