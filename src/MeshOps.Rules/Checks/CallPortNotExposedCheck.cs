using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshOps.Rules.Catalog;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// A call from one workload to a Service: who calls (and whether its pods are in the mesh with transparent proxy,
    /// with what says so), the target, the port dialled and where the call is written.
    /// </summary>
    public sealed record ServiceCall(
        string Caller,
        MeshMembership CallerMembership,
        bool TransparentProxy,
        string TransparentProxyOrigin,
        string Target,
        string TargetNamespace,
        bool TargetInMesh,
        int Port,
        string WrittenAt);

    /// <summary>MESH105: a call dials a port that the target Service does not expose.</summary>
    public static class CallPortNotExposedCheck
    {
        public static RuleVerdict? Check(ServiceCall call, IReadOnlyList<int> exposedPorts)
        {
            if (exposedPorts.Count == 0 || exposedPorts.Contains(call.Port))
            {
                return null;
            }

            var exposed = string.Join(", ", exposedPorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
            // Consul's outbound listener matches transparent-proxy upstreams by destination IP only and dials the
            // service's mesh port, so mesh callers still connect; everyone else hits kube-proxy, which has no rule.
            var meshToMesh = call.CallerMembership.InMesh && call.TransparentProxy && call.TargetInMesh;
            var consequence = meshToMesh
                ? "Mesh callers still connect today (transparent proxy, " + call.TransparentProxyOrigin + ", matches the ClusterIP only), but non-mesh callers and any caller without a sidecar get connection refused (the Service has no such port)."
                : "kube-proxy has no rule for that port: the caller gets connection refused or a timeout (assumed: " + Assumed(call) + ").";
            var args = new object[] { call.Caller, call.TargetNamespace, call.Target, call.Port, call.WrittenAt, exposed, consequence };
            return new RuleVerdict(RuleCatalog.CallPortNotExposed, args, meshToMesh ? Severity.Warning : null);
        }

        private static string Assumed(ServiceCall call) =>
            !call.CallerMembership.InMesh ? call.Caller + " outside the mesh, " + call.CallerMembership.Origin
            : !call.TransparentProxy ? "transparent proxy off for " + call.Caller + ", " + call.TransparentProxyOrigin
            : call.Target + " outside the mesh";
    }
}
