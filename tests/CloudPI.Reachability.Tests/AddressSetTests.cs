using CloudPI.Reachability;
using CloudPI.Controls.Network;
using CsCheck;

namespace CloudPI.Reachability.Tests;

public class AddressSetTests
{
    /// <summary>IPv4 lives in the IPv4-mapped block ::ffff:0:0/96.</summary>
    private static readonly UInt128 Mapped = (UInt128)0xFFFF << 32;

    [Theory]
    [InlineData("0.0.0.0/0", 0u, uint.MaxValue)]
    [InlineData("10.0.0.0/8", 0x0A000000u, 0x0AFFFFFFu)]
    [InlineData("10.1.2.3/8", 0x0A000000u, 0x0AFFFFFFu)]
    [InlineData("203.0.113.7", 0xCB007107u, 0xCB007107u)]
    public void Parses_ipv4_cidrs_ignoring_host_bits(string cidr, uint first, uint last) =>
        Assert.Equal([new AddressRange(Mapped + first, Mapped + last)], AddressSet.ParseCidr(cidr).Ranges);

    [Theory]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("2600:1f18:abcd::1", "2600:1f18:abcd::1/128")]
    [InlineData("2600:1f18:abcd::1/48", "2600:1f18:abcd::/48")]
    public void Parses_ipv6_cidrs(string cidr, string expected) => Assert.Equal([expected], AddressSet.ParseCidr(cidr).ToCidrs());

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/129")]
    [InlineData("10.0.0/8x")]
    [InlineData("fe80::1%eth0")]
    [InlineData("")]
    public void Rejects_malformed_text(string text) => Assert.False(AddressSet.TryParseCidr(text, out _));

    /// <summary>The family look-up builds no set, and must agree with the sets: the public addresses of the one family the
    /// parsed block overlaps, else none.</summary>
    [Theory]
    [InlineData("203.0.113.7", "ipv4")]
    [InlineData("54.0.0.0/8", "ipv4")]
    [InlineData("10.0.0.0/7", "ipv4")] // 10/8 is private, 11/8 is not
    [InlineData("10.1.2.3", "")]
    [InlineData("100.64.0.1", "")]
    [InlineData("2600:1f18:abcd::1", "ipv6")]
    [InlineData("::/0", "ipv6")]
    [InlineData("fd00::1", "")]
    [InlineData("::ffff:8.8.8.8", "")] // an IPv6 address, though it maps an IPv4 one
    [InlineData("2001:db8::1", "")]
    [InlineData("not an address", "")]
    [InlineData("fe80::1%eth0", "")]
    public void Public_family_of_an_address_agrees_with_its_set(string text, string family)
    {
        var expected = family switch { "ipv4" => AddressSet.PublicIpv4, "ipv6" => AddressSet.PublicIpv6, _ => AddressSet.Empty };

        Assert.Same(expected, AddressSet.PublicFamilyOf(text));
        Assert.Same(expected, BySets(text));
    }

    [Fact]
    public void Public_family_of_any_ipv4_block_agrees_with_its_set() =>
        Gen.Select(Gen.UInt, Gen.Int[0, 32]).Sample((start, prefix) =>
        {
            var cidr = $"{start >> 24}.{(start >> 16) & 255}.{(start >> 8) & 255}.{start & 255}/{prefix}";
            return ReferenceEquals(BySets(cidr), AddressSet.PublicFamilyOf(cidr));
        });

    private static AddressSet BySets(string text) =>
        !AddressSet.TryParseCidr(text, out var set) ? AddressSet.Empty
        : set.Overlaps(AddressSet.PublicIpv4) ? AddressSet.PublicIpv4
        : set.Overlaps(AddressSet.PublicIpv6) ? AddressSet.PublicIpv6
        : AddressSet.Empty;

    [Fact]
    public void Ipv6_any_never_matches_ipv4_sources()
    {
        var anyV6 = AddressSet.ParseCidr("::/0");

        Assert.Equal(AddressSet.AllIpv6, anyV6);
        Assert.False(anyV6.Overlaps(AddressSet.AllIpv4));
        Assert.True(anyV6.Covers(AddressSet.PublicIpv6));
        Assert.True(anyV6.CoversInternet);
        Assert.Equal("all public IPv6", anyV6.Intersect(AddressSet.PublicInternet).Describe());
    }

    [Fact]
    public void Two_halves_cover_the_public_internet_and_all_of_ipv4()
    {
        var halves = AddressSet.FromCidrs(["0.0.0.0/1", "128.0.0.0/1"]);

        Assert.Equal(AddressSet.AllIpv4, halves);
        Assert.True(halves.Covers(AddressSet.PublicIpv4));
        Assert.True(halves.CoversInternet);
        Assert.False(halves.Covers(AddressSet.PublicInternet));
        Assert.Equal(["0.0.0.0/0"], halves.ToCidrs());
    }

    [Fact]
    public void Public_internet_excludes_private_and_reserved_blocks()
    {
        foreach (var cidr in AddressSet.NonPublicCidrs)
        {
            Assert.False(AddressSet.PublicInternet.Overlaps(AddressSet.ParseCidr(cidr)), cidr);
        }

        Assert.True(AddressSet.PublicInternet.Covers(AddressSet.ParseCidr("8.8.8.0/24")));
        Assert.True(AddressSet.PublicInternet.Covers(AddressSet.ParseCidr("203.0.113.0/24")));
        // 2^32 minus the excluded blocks (0/8, 10/8, 127/8: 3 × 2^24; 100.64/10: 2^22; 169.254/16; 172.16/12; 192.168/16; 224/3: 2^29).
        Assert.Equal((UInt128)(4294967296UL - (3UL << 24) - (1UL << 22) - (1UL << 16) - (1UL << 20) - (1UL << 16) - (1UL << 29)), AddressSet.PublicIpv4.Count);
        Assert.True(AddressSet.PublicInternet.Covers(AddressSet.ParseCidr("2600:1f18::/32")));
        Assert.False(AddressSet.PublicInternet.Overlaps(AddressSet.ParseCidr("fd00::/8")));
    }

    [Fact]
    public void Set_operations_on_known_ranges()
    {
        var ten = AddressSet.ParseCidr("10.0.0.0/8");
        var tenOne = AddressSet.ParseCidr("10.1.0.0/16");

        Assert.Equal(["10.0.0.0/16", "10.2.0.0/15", "10.4.0.0/14", "10.8.0.0/13", "10.16.0.0/12", "10.32.0.0/11", "10.64.0.0/10", "10.128.0.0/9"],
            ten.Subtract(tenOne).ToCidrs());
        Assert.Equal(tenOne, ten.Intersect(tenOne));
        Assert.Equal(ten, ten.Union(tenOne));
        Assert.True(ten.Covers(tenOne));
        Assert.False(tenOne.Covers(ten));
        Assert.True(AddressSet.Empty.Complement().Equals(AddressSet.All));
    }

    [Fact]
    public void Describes_a_near_complete_set_by_what_it_lacks()
    {
        var allButOne = AddressSet.PublicIpv4.Subtract(AddressSet.ParseCidr("198.51.100.7/32"));

        Assert.Equal("all public IPv4 except 198.51.100.7/32", allButOne.Describe());
        Assert.Equal("203.0.113.0/24", AddressSet.ParseCidr("203.0.113.0/24").Describe());
        Assert.Equal("all public IPv4", AddressSet.AllIpv4.Describe());
        Assert.Equal("all public IPv4 and all public IPv6", AddressSet.PublicInternet.Describe());
    }

    private static readonly Gen<AddressSet> GenSet =
        Gen.Select(Gen.UInt, Gen.Int[0, 32], (start, prefix) => AddressSet.ParseCidr($"{start >> 24}.{(start >> 16) & 255}.{(start >> 8) & 255}.{start & 255}/{prefix}"))
            .Array[0, 6]
            .Select(parts => parts.Aggregate(AddressSet.Empty, (set, part) => set.Union(part)));

    private static bool Contains(AddressSet set, uint address) => set.Ranges.Any(r => r.First <= Mapped + address && Mapped + address <= r.Last);

    [Fact]
    public void Operations_agree_with_membership() =>
        Gen.Select(GenSet, GenSet, Gen.UInt).Sample((a, b, address) =>
            Contains(a.Union(b), address) == (Contains(a, address) || Contains(b, address))
            && Contains(a.Intersect(b), address) == (Contains(a, address) && Contains(b, address))
            && Contains(a.Subtract(b), address) == (Contains(a, address) && !Contains(b, address))
            && Contains(a.Complement(), address) != Contains(a, address));

    [Fact]
    public void Cidr_list_round_trips_and_stays_normalised() =>
        GenSet.Sample(set =>
            AddressSet.FromCidrs(set.ToCidrs()).Equals(set)
            && set.Ranges.Zip(set.Ranges.Skip(1)).All(pair => pair.First.Last + 1 < pair.Second.First));

    [Fact]
    public void Covers_means_subtraction_leaves_nothing() =>
        Gen.Select(GenSet, GenSet).Sample((a, b) =>
            a.Covers(b) == b.Subtract(a).IsEmpty
            && a.Union(b).Covers(a)
            && a.Covers(a.Intersect(b))
            && a.Union(b).Count == a.Count + b.Count - a.Intersect(b).Count);

    /// <summary>The shared sets answer which covers which from a table made when they are: it must say what their ranges
    /// say, for each pair, and a set built again with the same ranges (not one of them) must be answered alike.</summary>
    [Fact]
    public void Shared_sets_cover_as_their_ranges_do()
    {
        AddressSet[] shared = [AddressSet.All, AddressSet.AllIpv4, AddressSet.AllIpv6, AddressSet.PublicIpv4, AddressSet.PublicIpv6, AddressSet.PublicInternet];
        foreach (var a in shared)
        {
            foreach (var b in shared)
            {
                var (copyOfA, copyOfB) = (AddressSet.FromCidrs(a.ToCidrs()), AddressSet.FromCidrs(b.ToCidrs()));
                var byRanges = b.Subtract(a).IsEmpty;
                Assert.Equal(byRanges, a.Covers(b));
                Assert.Equal(byRanges, copyOfA.Covers(b));
                Assert.Equal(byRanges, a.Covers(copyOfB));
            }
        }

        Assert.True(AddressSet.PublicInternet.Covers(AddressSet.PublicIpv4));
        Assert.False(AddressSet.PublicIpv4.Covers(AddressSet.PublicInternet));
    }

    [Fact]
    public void Overlaps_means_a_common_address_and_nested_sets_intersect_to_the_inner_one() =>
        Gen.Select(GenSet, GenSet).Sample((a, b) =>
            a.Overlaps(b) == a.Ranges.Any(r => b.Ranges.Any(s => UInt128.Max(r.First, s.First) <= UInt128.Min(r.Last, s.Last)))
            && a.Intersect(a.Union(b)).Equals(a)
            && a.Union(b).Intersect(b).Equals(b));

    /// <summary>The usual dotted quad is read without an IPAddress; any text, usual or not (shorthand "10.1", octal
    /// "010.0.0.1", hex, spaces, too many parts), must read as IPAddress reads it.</summary>
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.1")]
    [InlineData("010.0.0.1")]
    [InlineData("0x0a.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.")]
    [InlineData("1..3.4")]
    [InlineData("256.0.0.1")]
    [InlineData("1000.0.0.1")]
    [InlineData(" 10.0.0.1")]
    [InlineData("10.0.0.1/8")]
    [InlineData("0.0.0.0/0")]
    public void Reads_ipv4_text_as_ipaddress_does(string text) => AssertReadsAsIpAddress(text);

    [Fact]
    public void Reads_any_short_address_text_as_ipaddress_does() =>
        Gen.String[Gen.Char["0123456789./x "], 1, 16].Sample(AssertReadsAsIpAddress, iter: 20_000);

    private static void AssertReadsAsIpAddress(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text : text[..slash];
        var readable = System.Net.IPAddress.TryParse(address, out var parsed)
            && (slash < 0 || int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) && prefix <= (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
        Assert.Equal(readable && !string.IsNullOrWhiteSpace(text), AddressSet.TryParseCidr(text, out var set));
        if (readable && parsed!.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && slash < 0)
        {
            Assert.Equal([$"{parsed}/32"], set.ToCidrs());
        }
    }
}
