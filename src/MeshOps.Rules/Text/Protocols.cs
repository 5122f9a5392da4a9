namespace MeshOps.Rules.Text
{
    /// <summary>Consul's protocol values for a service (ServiceDefaults or ProxyDefaults "protocol").</summary>
    public static class Protocols
    {
        /// <summary>
        /// True for the protocols Consul treats as L7 (http, http2, grpc): the ones that allow routers, splitters and
        /// intentions with HTTP permissions. Anything else, including tcp and an unset protocol, is L4.
        /// </summary>
        public static bool IsL7(string? protocol) => protocol is "http" or "http2" or "grpc";

        /// <summary>What a TCP protocol meets when its service is declared HTTP (MESH301, MESH303).</summary>
        /// <remarks>
        /// Envoy 1.2x: the HTTP/1 codec refuses a first byte that cannot start a method (postgres' messages start with
        /// 0x00) and the connection manager answers 400 before closing (http1/codec_impl.cc sendProtocolError,
        /// conn_manager_impl.cc handleCodecError); with nothing sent, no stream exists and only the 1 h idle timeout applies.
        /// </remarks>
        public const string HttpSidecarOnTcp =
            "The caller's sidecar parses the client's bytes as HTTP: a client that speaks first gets an HTTP 400 reply and a closed connection (psql: 'received invalid response to SSL negotiation: H'), and one that waits for the server to speak first (MySQL) waits until its own timeout.";
    }
}
