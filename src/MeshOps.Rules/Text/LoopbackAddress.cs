using System;
using System.Net;

namespace MeshOps.Rules.Text
{
    /// <summary>Hosts that never leave the pod: the runtime reads them from binds and URLs, the compiler from declarations.</summary>
    public static class LoopbackAddress
    {
        /// <summary>localhost, *.localhost, 127.0.0.0/8 and ::1 (with or without brackets).</summary>
        public static bool IsLoopback(string? host)
        {
            if (string.IsNullOrEmpty(host))
            {
                return false;
            }

            var bare = Unbracket(host!);
            return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
        }

        /// <summary>The host without the brackets of an IPv6 literal.</summary>
        public static string Unbracket(string host) =>
            host.Length > 1 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;
    }
}
