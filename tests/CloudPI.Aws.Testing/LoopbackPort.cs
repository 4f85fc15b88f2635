using System.Net;
using System.Net.Sockets;

namespace CloudPI.Aws.Testing;

public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on at the time of the call.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
