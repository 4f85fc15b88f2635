namespace CloudPI.Bolt.Protocol;

/// <summary>The opening exchange: magic preamble plus four version proposals; the server answers one version or zero.</summary>
public static class BoltHandshake
{
    public const int ProposalLength = 20;
    public const int ReplyLength = 4;

    public static ReadOnlySpan<byte> Magic => [0x60, 0x60, 0xB0, 0x17];

    /// <summary>5.4 down to 5.0 (one range slot), then 4.4, then two empty slots.</summary>
    public static byte[] ClientProposal()
    {
        var bytes = new byte[ProposalLength];
        Magic.CopyTo(bytes);
        BoltVersion.V5_4.WriteTo(bytes.AsSpan(4), range: BoltVersion.V5_4.Minor - BoltVersion.V5_0.Minor);
        BoltVersion.V4_4.WriteTo(bytes.AsSpan(8));
        return bytes;
    }

    /// <summary>The version the server chose, or a clear error when it found none in common or answered something not proposed.</summary>
    public static BoltVersion ParseReply(ReadOnlySpan<byte> reply, string address)
    {
        if (reply.SequenceEqual(stackalloc byte[ReplyLength]))
        {
            throw new BoltProtocolException($"The server at {address} supports none of the Bolt versions this client speaks (5.0-5.4, 4.4).");
        }

        var version = BoltVersion.FromWire(reply);
        if (!IsSupported(version))
        {
            throw new BoltProtocolException($"The server at {address} chose Bolt {version} (bytes {Convert.ToHexString(reply)}), which was not proposed; is this a Bolt port?");
        }

        return version;
    }

    private static bool IsSupported(BoltVersion version) =>
        version == BoltVersion.V4_4 || (version >= BoltVersion.V5_0 && version <= BoltVersion.V5_4);
}
