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
    }
}
