namespace CloudPI.Bolt;

/// <summary>What a Bolt URI asks for: where to connect, whether to use TLS and check certificates, and the routing context.</summary>
internal sealed record BoltEndpoint(string Host, int Port, bool Encrypted, bool TrustAnyCertificate, IReadOnlyDictionary<string, object?>? RoutingContext)
{
    public const int DefaultPort = 7687;

    public string Address => $"{Host}:{Port}";

    /// <summary>
    /// neo4j:// URIs connect directly to the given address (the usual single-instance setup); only the routing
    /// context {address, ...query pairs} is sent in HELLO, no ROUTE table is fetched.
    /// </summary>
    public static BoltEndpoint Parse(Uri uri)
    {
        var (routing, encrypted, trustAny) = uri.Scheme.ToLowerInvariant() switch
        {
            "bolt" => (false, false, false),
            "bolt+s" => (false, true, false),
            "bolt+ssc" => (false, true, true),
            "neo4j" => (true, false, false),
            "neo4j+s" => (true, true, false),
            "neo4j+ssc" => (true, true, true),
            _ => throw new ArgumentException($"Unsupported URI scheme '{uri.Scheme}' (use bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc).", nameof(uri)),
        };
        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"The URI '{uri}' has no host.", nameof(uri));
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        var host = uri.Host.Trim('[', ']');
        return new BoltEndpoint(host, port, encrypted, trustAny, routing ? RoutingContextOf(uri, port) : null);
    }

    private static Dictionary<string, object?> RoutingContextOf(Uri uri, int port)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal) { ["address"] = $"{uri.Host}:{port}" };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]);
            if (key == "address")
            {
                throw new ArgumentException("The routing context key 'address' is reserved.", nameof(uri));
            }

            context[key] = separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..]);
        }

        return context;
    }
}
