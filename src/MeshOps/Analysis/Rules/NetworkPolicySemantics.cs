using k8s.Models;
using MeshOps.Model;
using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>Which side of a pod a NetworkPolicy rule governs.</summary>
internal enum PolicyDirection
{
    Ingress,
    Egress,
}

/// <summary>Who must be reachable for an allowance to count: any peer, the cluster DNS, or the Consul servers.</summary>
internal enum PeerTarget
{
    Anyone,
    ClusterDns,
    ConsulServers,
}

/// <summary>One NetworkPolicy object with its namespace and spec.</summary>
internal sealed record DeclaredNetworkPolicy(ManifestResource Resource, string Namespace, V1NetworkPolicySpec Spec)
{
    public static DeclaredNetworkPolicy? Of(ManifestResource resource) =>
        resource.Model is V1NetworkPolicy { Spec: { } spec } ? new DeclaredNetworkPolicy(resource, MeshModelBuilder.NamespaceOf(resource), spec) : null;

    /// <summary>A policy selects pods of its own namespace only; an empty podSelector selects them all.</summary>
    public bool Selects(Workload workload) =>
        Namespace == workload.Namespace && NetworkPolicySemantics.Matches(Spec.PodSelector, workload.PodLabels);

    /// <summary>
    /// Whether the policy isolates the pods it selects in <paramref name="direction"/>. Without policyTypes the API server
    /// defaults to Ingress, plus Egress when the policy has egress rules (networking/v1 SetDefaults_NetworkPolicySpec).
    /// </summary>
    public bool Isolates(PolicyDirection direction) => Spec.PolicyTypes is { Count: > 0 } types
        ? types.Contains(direction.ToString(), StringComparer.Ordinal)
        : direction == PolicyDirection.Ingress || Spec.Egress is { Count: > 0 };

    /// <summary>The rules in <paramref name="direction"/> as (peers, ports); an isolating policy with none allows nothing.</summary>
    public IEnumerable<(IList<V1NetworkPolicyPeer>? Peers, IList<V1NetworkPolicyPort>? Ports)> Rules(PolicyDirection direction) =>
        direction == PolicyDirection.Ingress
            ? (Spec.Ingress ?? []).Select(r => ((IList<V1NetworkPolicyPeer>?)r.FromProperty, (IList<V1NetworkPolicyPort>?)r.Ports))
            : (Spec.Egress ?? []).Select(r => ((IList<V1NetworkPolicyPeer>?)r.To, (IList<V1NetworkPolicyPort>?)r.Ports));
}

/// <summary>
/// Kubernetes NetworkPolicy semantics, read conservatively where the manifests cannot tell (a named port of another
/// pod, a namespace's labels, where the Consul servers run): an allowance that might reach counts as allowed.
/// </summary>
internal static class NetworkPolicySemantics
{
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>Where cluster DNS pods run: kube-dns/CoreDNS in kube-system, dns-default in openshift-dns.</summary>
    private static readonly string[] DnsNamespaces = ["kube-system", "openshift-dns"];

    /// <summary>
    /// Whether the union of <paramref name="rules"/> allows <paramref name="protocol"/> traffic on one of
    /// <paramref name="ports"/> to or from <paramref name="target"/>. Rules of several policies add up; an absent or empty
    /// peer list means every peer, an absent or empty port list every port.
    /// </summary>
    public static bool Allows(
        IEnumerable<(IList<V1NetworkPolicyPeer>? Peers, IList<V1NetworkPolicyPort>? Ports)> rules,
        string protocol, IReadOnlyList<int> ports, PeerTarget target, Workload workload, PolicyDirection direction) =>
        rules.Any(rule =>
            (rule.Ports is not { Count: > 0 } || rule.Ports.Any(p => ports.Any(port => PortMatches(p, protocol, port, workload, direction))))
            && (rule.Peers is not { Count: > 0 } || rule.Peers.Any(peer => MayReach(peer, target, workload.Namespace))));

    public static bool Matches(V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is null
        || ((selector.MatchLabels is null || LabelIndex.Matches(labels, selector.MatchLabels.AsReadOnly()))
            && (selector.MatchExpressions ?? []).All(e => Matches(e, labels)));

    private static bool Matches(V1LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => has && values.Contains(value!),
            "NotIn" => !has || !values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }

    private static bool PortMatches(V1NetworkPolicyPort rule, string protocol, int port, Workload workload, PolicyDirection direction)
    {
        if (!string.Equals(rule.Protocol ?? "TCP", protocol, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.Port?.Value is not { Length: > 0 } written)
        {
            return true;
        }

        if (int.TryParse(written, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return rule.EndPort is { } end ? number <= port && port <= end : number == port;
        }

        // A named port is the port of that name on the destination pod. Ingress: this pod, whose declared ports we read
        // (consul-k8s declares no port for the public listener). Egress: a pod elsewhere, whose names we cannot see.
        return direction == PolicyDirection.Egress
            || (workload.PodSpec.Containers ?? []).SelectMany(c => c.Ports ?? []).Any(p => p.Name == written && p.ContainerPort == port);
    }

    private static bool MayReach(V1NetworkPolicyPeer peer, PeerTarget target, string policyNamespace)
    {
        if (target == PeerTarget.Anyone || peer.IpBlock is not null)
        {
            return true;
        }

        if (peer.NamespaceSelector is { } namespaces)
        {
            // Only the automatic name label says which namespace is meant; any other label might be on any namespace.
            var named = (namespaces.MatchLabels?.Keys ?? []).Concat((namespaces.MatchExpressions ?? []).Select(e => e.Key)).All(k => k == NamespaceNameLabel);
            // The cluster DNS runs in kube-system, or in openshift-dns on OpenShift (its pods listen on 5353).
            return target != PeerTarget.ClusterDns || !named
                || DnsNamespaces.Any(dns => Matches(namespaces, new Dictionary<string, string> { [NamespaceNameLabel] = dns }));
        }

        // A podSelector alone selects pods of the policy's own namespace. The cluster DNS runs in kube-system; the Consul
        // servers may run beside the app (the chart installed in its namespace), labelled app: consul, component: server.
        return target switch
        {
            PeerTarget.ClusterDns => DnsNamespaces.Contains(policyNamespace),
            _ => (peer.PodSelector?.MatchLabels ?? new Dictionary<string, string>()).All(p => p.Key switch
            {
                "app" => p.Value == "consul",
                "component" => p.Value == "server",
                _ => true,
            }),
        };
    }
}
