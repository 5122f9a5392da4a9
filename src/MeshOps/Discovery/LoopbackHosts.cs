using System.Net;

namespace MeshOps.Discovery;

/// <summary>Classifies hosts that never leave the pod, or that mean "every interface" when bound.</summary>
public static class LoopbackHosts
{
    /// <summary>localhost, 127.0.0.0/8 and ::1 (with or without brackets). With explicit upstreams the app reaches them this way.</summary>
    public static bool IsLoopback(string? host) => MeshOps.Rules.Text.LoopbackAddress.IsLoopback(host);

    /// <summary>Empty, <c>*</c>, <c>0.0.0.0</c> and <c>::</c>: a bind on every interface.</summary>
    public static bool IsAllInterfaces(string? host)
    {
        if (string.IsNullOrEmpty(host) || host == "*")
        {
            return true;
        }

        return IPAddress.TryParse(Unbracket(host), out var address)
            && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
    }

    public static bool IsIpLiteral(string host) => IPAddress.TryParse(Unbracket(host), out _);

    public static string Unbracket(string host) => MeshOps.Rules.Text.LoopbackAddress.Unbracket(host);
}
