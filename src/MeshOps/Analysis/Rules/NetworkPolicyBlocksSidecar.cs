using MeshOps.Collections;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH504: the NetworkPolicies that select a mesh pod, taken together, block what its sidecar needs. Egress: DNS, and the
/// Consul servers' gRPC port 8502 (consul-dataplane's xDS; grpc_tls is on 8502 too) and HTTP API port 8500 or 8501
/// (connect-init reads its registration through it). Ingress: TCP 20000, where mesh callers' sidecars dial this pod's
/// public listener; judged only for a pod something calls, since a client-only pod needs no inbound traffic.
/// One finding per workload, naming every allowance missing; the policies' union is what Kubernetes enforces.
/// </summary>
internal sealed class NetworkPolicyBlocksSidecar : IMeshRule
{
    private const string GatewayKind = "consul.hashicorp.com/gateway-kind";
    private const int PublicListenerPort = 20000;

    public RuleDescriptor Descriptor => RuleCatalog.NetworkPolicyBlocksSidecar;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var policies = model.NetworkPolicies.Select(DeclaredNetworkPolicy.Of).OfType<DeclaredNetworkPolicy>().ToList();
        if (policies.Count == 0)
        {
            yield break;
        }

        var callers = new Lazy<MeshCallers>(() => new MeshCallers(model));
        foreach (var workload in model.Workloads.Where(w => w.InMesh && !w.PodAnnotations.ContainsKey(GatewayKind)))
        {
            var selecting = policies.Where(p => p.Selects(workload)).ToList();
            var missing = Egress(workload, selecting).Concat(Ingress(workload, selecting, callers)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var subject = selecting.First(p => missing.Any(m => p.Isolates(m.Direction)));
            yield return new RuleHit(Descriptor, subject.Resource, subject.Resource.LocationOf("spec", "podSelector"),
                [
                    workload.Name, workload.Namespace, string.Join(", ", selecting.Select(p => p.Resource.Name)),
                    string.Join(", ", missing.Select(m => m.Allowance)), string.Join(" ", missing.Select(m => m.Consequence)), workload.LabelSelector,
                ],
                selecting.Select(p => new Evidence(p.Resource.Ref, p.Resource.LocationOf("spec", "podSelector"), Describe(p)))
                    .Append(new Evidence(workload.Resource.Ref, workload.LocationOfPodMetadata("labels"), $"in the mesh ({workload.InMeshOrigin})"))
                    .ToList());
        }
    }

    private static IEnumerable<Missing> Egress(Workload workload, IReadOnlyList<DeclaredNetworkPolicy> selecting)
    {
        var isolating = selecting.Where(p => p.Isolates(PolicyDirection.Egress)).ToList();
        if (isolating.Count == 0)
        {
            yield break;
        }

        var rules = isolating.SelectMany(p => p.Rules(PolicyDirection.Egress)).ToList();
        bool Allows(string protocol, int[] ports, PeerTarget target) =>
            NetworkPolicySemantics.Allows(rules, protocol, ports, target, workload, PolicyDirection.Egress);

        // Resolvers ask over UDP and use TCP only for truncated answers, so TCP 53 alone does not resolve names.
        // NetworkPolicy sees the DNS pods' own port after the Service's DNAT: 53 for kube-dns/CoreDNS, 5353 on OpenShift.
        if (!Allows("UDP", [53, 5353], PeerTarget.ClusterDns))
        {
            yield return new Missing(PolicyDirection.Egress, "egress to DNS (UDP 53, kube-dns in kube-system; 5353 in openshift-dns)",
                "Without DNS, connect-init and consul-dataplane cannot resolve the Consul servers' address (the chart gives them consul-server.<namespace>.svc) and the app cannot resolve Service names.");
        }

        if (!Allows("TCP", [8502], PeerTarget.ConsulServers))
        {
            yield return new Missing(PolicyDirection.Egress, "egress to the Consul servers' gRPC port 8502",
                "consul-dataplane gets Envoy's configuration from the Consul servers over gRPC on 8502: the sidecar never becomes ready.");
        }

        if (!Allows("TCP", [8500, 8501], PeerTarget.ConsulServers))
        {
            yield return new Missing(PolicyDirection.Egress, "egress to the Consul servers' HTTP API port 8500 (8501 with TLS)",
                "connect-init waits for the pod's registration through the HTTP API: the pod stays in its init container.");
        }
    }

    private static IEnumerable<Missing> Ingress(Workload workload, IReadOnlyList<DeclaredNetworkPolicy> selecting, Lazy<MeshCallers> meshCallers)
    {
        var isolating = selecting.Where(p => p.Isolates(PolicyDirection.Ingress)).ToList();
        if (isolating.Count == 0)
        {
            yield break;
        }

        var rules = isolating.SelectMany(p => p.Rules(PolicyDirection.Ingress)).ToList();
        if (NetworkPolicySemantics.Allows(rules, "TCP", [PublicListenerPort], PeerTarget.Anyone, workload, PolicyDirection.Ingress))
        {
            yield break;
        }

        var callers = meshCallers.Value.Of(workload);
        if (callers.Count == 0)
        {
            yield break;
        }

        yield return new Missing(PolicyDirection.Ingress, $"ingress on TCP {PublicListenerPort} (the sidecar's public listener)",
            $"Mesh callers ({string.Join(", ", callers)}) connect to this pod's sidecar on port {PublicListenerPort}, whatever port the app listens on: their calls time out or fail with 'upstream connect error'.");
    }

    /// <summary>
    /// Mesh services that call each workload: a call found in another mesh workload, or an intention allowing a source.
    /// Gathered once for all workloads: a default-deny ingress policy puts every workload of a namespace here, and a scan
    /// of every call and intention for each of them grew with the square of the mesh.
    /// </summary>
    private sealed class MeshCallers
    {
        private readonly Dictionary<Workload, List<string>> _calling = [];
        private readonly Dictionary<string, List<string>> _allowed = new(StringComparer.Ordinal);

        public MeshCallers(MeshModel model)
        {
            foreach (var edge in model.Edges)
            {
                if (!edge.Source.InMesh || edge.Target is not { } target)
                {
                    continue;
                }

                foreach (var callee in target.Workloads)
                {
                    if (callee != edge.Source)
                    {
                        _calling.Append(callee, edge.Source.ConsulServiceName);
                    }
                }
            }

            foreach (var entry in model.Intentions.Entries)
            {
                foreach (var source in entry.Sources)
                {
                    if ((source.IsL7 || source.Action == IntentionAction.Allow) && source.Name != ConsulNames.Wildcard)
                    {
                        _allowed.Append(entry.DestinationName, source.Name);
                    }
                }
            }
        }

        public List<string> Of(Workload workload) =>
            _calling.GetValueOrDefault(workload, []).Concat(_allowed.GetValueOrDefault(workload.ConsulServiceName, []))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    }

    private static string Describe(DeclaredNetworkPolicy policy)
    {
        var isolates = new[] { PolicyDirection.Ingress, PolicyDirection.Egress }.Where(policy.Isolates).ToList();
        return isolates.Count == 0
            ? "selects the pods and isolates nothing"
            : $"selects the pods and restricts {string.Join(" and ", isolates.Select(d => d.ToString().ToLowerInvariant()))}";
    }

    private sealed record Missing(PolicyDirection Direction, string Allowance, string Consequence);
}
