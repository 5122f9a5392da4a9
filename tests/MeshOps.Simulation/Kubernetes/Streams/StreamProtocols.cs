namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// The WebSocket subprotocols of the pod subresources, and the choice kube-apiserver's wsstream makes among them:
/// the first protocol the client offers that the server speaks; no offer at all means the unversioned binary protocol;
/// offers of which none is spoken fail the handshake with 400.
/// </summary>
internal static class StreamProtocols
{
    /// <summary>Remote command v5: v4 plus a CLOSE signal (channel 255) for half-closing stdin (Kubernetes 1.30+).</summary>
    public const string ExecV5 = "v5.channel.k8s.io";

    /// <summary>Remote command v4: stdin 0, stdout 1, stderr 2, error 3 (a v1 Status), resize 4.</summary>
    public const string ExecV4 = "v4.channel.k8s.io";

    /// <summary>The port-forward name as WebSocket clients offer it (KubernetesClient's default is no subprotocol).</summary>
    public const string PortForward = "portforward.k8s.io";

    /// <summary>kubectl 1.31+'s port-forward: SPDY/3.1 frames carried in WebSocket binary messages.</summary>
    public const string SpdyTunnel = "SPDY/3.1+portforward.k8s.io";

    public static readonly IReadOnlyList<string> Exec = [ExecV5, ExecV4];

    public static readonly IReadOnlyList<string> Forward = [ExecV4, PortForward];

    /// <summary>The negotiated protocol ("" when none was offered), or null when nothing offered is spoken.</summary>
    public static string? Negotiate(IEnumerable<string> offered, IReadOnlyList<string> supported)
    {
        var offers = offered.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (offers.Count == 0)
            return string.Empty;
        return offers.FirstOrDefault(o => supported.Contains(o, StringComparer.Ordinal));
    }
}
