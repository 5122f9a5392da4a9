using System.Collections.Generic;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// A destination's protocol: the value in force, whether a config entry sets it (rather than Consul's default),
    /// and its description for messages ("tcp (set in ServiceDefaults api at …)").
    /// </summary>
    public sealed record ProtocolInForce(string Value, bool ExplicitlySet, string Description);

    /// <summary>
    /// MESH204: HTTP permissions for a destination whose protocol is explicitly tcp. The Consul server refuses the whole
    /// config entry (agent/consul/state/config_entry.go: "service %q has protocol %q, which is incompatible with L7
    /// intentions permissions"), so none of its intentions apply; only xDS generation's fallback for an entry that slips
    /// through treats them as deny. A destination with no protocol set at all is MESH302's finding.
    /// </summary>
    public static class L7PermissionsOnTcpCheck
    {
        /// <summary>One source with L7 permissions, by its index in the sources given.</summary>
        public sealed record Hit(int SourceIndex, RuleVerdict Verdict);

        /// <param name="sources">Each source's name and whether it has HTTP permissions.</param>
        public static IEnumerable<Hit> Check(string resource, string destination, string ns, ProtocolInForce protocol, IReadOnlyList<(string Name, bool IsL7)> sources)
        {
            if (Protocols.IsL7(protocol.Value) || !protocol.ExplicitlySet)
            {
                yield break;
            }

            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].IsL7)
                {
                    var args = new object[] { resource, destination, sources[i].Name, protocol.Description, ns };
                    yield return new Hit(i, new RuleVerdict(RuleCatalog.L7PermissionsOnTcp, args));
                }
            }
        }
    }
}
