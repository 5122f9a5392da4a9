namespace MeshOps.Discovery;

/// <summary>Listen addresses as Go, Node and most servers write them: <c>:8080</c>, <c>0.0.0.0:9090</c>, <c>[::1]:9090</c>.</summary>
internal static class BindSyntax
{
    /// <summary>True when a key names a listening address (BIND_ADDRESS, LISTEN_ADDR, bind_address, listen).</summary>
    public static bool IsBindKey(string? key) =>
        key is not null && (key.Contains("bind", StringComparison.OrdinalIgnoreCase) || key.Contains("listen", StringComparison.OrdinalIgnoreCase));

    /// <summary>A value with no host before the port can only be a listen address.</summary>
    public static bool IsHostlessPort(string value) =>
        value.Length > 1 && value[0] == ':' && EndpointSyntax.TryParsePort(value.AsSpan(1), out _);

    /// <summary>
    /// Parses a listen address. A bare port is accepted only when <paramref name="bareNumberIsPort"/> (the key said
    /// "bind"/"listen"). All-interface hosts come back as null.
    /// </summary>
    public static bool TryParse(string value, bool bareNumberIsPort, out string? host, out int port)
    {
        host = null;
        port = 0;
        var text = value.Trim();
        if (text.StartsWith(':'))
        {
            return EndpointSyntax.TryParsePort(text.AsSpan(1), out port);
        }

        if (EndpointSyntax.TryParsePort(text, out port))
        {
            return bareNumberIsPort;
        }

        if (text.StartsWith("*:", StringComparison.Ordinal))
        {
            return EndpointSyntax.TryParsePort(text.AsSpan(2), out port);
        }

        if (!EndpointSyntax.TryParseHostPort(text, out var hostPort) || hostPort.Port is null)
        {
            return false;
        }

        port = hostPort.Port.Value;
        host = LoopbackHosts.IsAllInterfaces(hostPort.Host) ? null : hostPort.Host;
        return true;
    }
}
