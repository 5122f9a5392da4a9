using System.Collections.Generic;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Rules.Checks
{
    /// <summary>Whether a workload's pods are in the mesh, and what says so (an annotation and where it is written).</summary>
    public sealed record MeshMembership(bool InMesh, string Origin);

    /// <summary>An address the app listens on: the host and port, and the text it was read from ("127.0.0.1:9090").</summary>
    public sealed record ListenAddress(string? Host, int Port, string Excerpt);

    /// <summary>A Service selecting the workload, with the pod port numbers its ports send traffic to.</summary>
    public sealed record TargetingService(string Name, IReadOnlyList<int> TargetNumbers);

    /// <summary>MESH103: the app binds to a loopback address on a port that a Service sends traffic to.</summary>
    public static class LoopbackBindCheck
    {
        /// <summary>The verdict for one bind, and the index of the Service that targets its port.</summary>
        public sealed record Hit(int ServiceIndex, RuleVerdict Verdict);

        public static Hit? Check(string workload, string ns, MeshMembership membership, ListenAddress bind, IReadOnlyList<TargetingService> services)
        {
            if (!LoopbackAddress.IsLoopback(bind.Host))
            {
                return null;
            }

            for (var i = 0; i < services.Count; i++)
            {
                if (!Contains(services[i].TargetNumbers, bind.Port))
                {
                    continue;
                }

                // consul-k8s points the sidecar's local_app cluster at 127.0.0.1:<port>, so mesh callers are still
                // served; anything without the sidecar dials the pod IP and is refused. With transparent proxy the
                // webhook rewrites HTTP probes to the sidecar's exposed paths (overwriteProbes, on by default), which
                // forward to 127.0.0.1; TCP probes and probes it leaves alone dial the pod IP.
                var consequence = membership.InMesh
                    ? "Mesh callers still connect, because the sidecar forwards to 127.0.0.1 (in the mesh: " + membership.Origin + "), but non-mesh callers, the pod without its sidecar and kubelet's TCP probes get connection refused (HTTP probes too, unless consul-k8s rewrites them to the sidecar, as it does by default with transparent proxy)."
                    : "The pod is not in the mesh (" + membership.Origin + "), so every caller dials the pod IP and gets connection refused.";
                var args = new object[] { workload, ns, bind.Excerpt, bind.Port, services[i].Name, consequence };
                return new Hit(i, new RuleVerdict(RuleCatalog.LoopbackBind, args, membership.InMesh ? null : Severity.Error));
            }

            return null;
        }

        private static bool Contains(IReadOnlyList<int> numbers, int port)
        {
            foreach (var number in numbers)
            {
                if (number == port)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
