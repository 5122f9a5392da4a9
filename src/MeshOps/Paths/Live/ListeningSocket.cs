using System.Net;

namespace MeshOps.Paths.Live;

/// <summary>A TCP socket in LISTEN state as the kernel's /proc/net/tcp or tcp6 shows it: the address it is bound to and its port.</summary>
internal sealed record ListeningSocket(IPAddress Address, int Port)
{
    /// <summary>IPv6 addresses in brackets, as they are written before a port.</summary>
    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
