using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>An Envoy <c>Address</c>: a socket address (<c>ip:port</c>, IPv6 in brackets) or a pipe path.</summary>
internal static class AddressReader
{
    public static (string? Text, string? IP, uint? Port) Read(JsonNode? address)
    {
        if (Get(address, "socket_address") is { } socket)
        {
            var ip = String(socket, "address");
            var port = UInt(socket, "port_value") is { } p && p <= uint.MaxValue ? (uint?)p : null;
            var host = ip is not null && ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]" : ip;
            return (port is null ? host : $"{host}:{port}", ip, port);
        }

        return Get(address, "pipe") is { } pipe ? (String(pipe, "path"), null, null) : (null, null, null);
    }
}
