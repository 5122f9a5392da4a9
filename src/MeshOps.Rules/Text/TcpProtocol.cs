using System.Collections.Generic;

namespace MeshOps.Rules.Text
{
    /// <summary>A well-known protocol that is not HTTP, so Consul must treat its service as "tcp".</summary>
    public sealed record TcpProtocol(string Name, int DefaultPort, IReadOnlyList<string> Schemes, IReadOnlyList<string> ImageNames);
}
