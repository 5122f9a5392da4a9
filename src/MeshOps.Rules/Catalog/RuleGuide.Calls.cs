using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        // Every rule about calls reads the same evidence; saying it once keeps the entries from drifting apart.
        private const string CallsReadFrom =
            "Calls are read from what a workload's containers are configured with: env values, command and args (a curl command's -X method included), the ConfigMap values they reference or mount (nginx proxy_pass and grpc_pass included), and the consul.hashicorp.com/connect-service-upstreams annotation. A host counts as a call to a Kubernetes Service when it reads as svc, svc.ns, svc.ns.svc or svc.ns.svc.<cluster domain>. A Consul DNS name (svc.virtual.consul, svc.service.consul, svc.connect.consul, with Consul's namespace labels) is a call to that Consul service, resolved to the Service whose mesh pods register that name. A call whose target is answered outside the inputs is not judged: a Consul DNS name that names a cluster peer, a datacenter, an admin partition other than default or a sameness group, and an explicit upstream in another datacenter or peer or to a prepared query. ";

        private const string CallsNotSeen =
            "Calls made from application code, from config files baked into the image or held in Secrets, hosts assembled at run time, Consul DNS names in a domain other than consul, and calls typed by hand in interactive clients (kubectl exec … -- curl). ";

        private static IEnumerable<RuleGuideEntry> Calls() => new[]
        {
            Entry(
                "MESH104",
                CallsReadFrom + "Reported when a Kubernetes Service host names no Service in the target namespace among the inputs, and the namespace itself appears in the inputs (a call into a namespace the inputs know nothing about is not judged). Not reported for a Consul DNS name (Consul's catalog answers it, not a Service), for an explicit upstream that names a Consul service the inputs declare otherwise (a terminating-gateway service, a gateway, a service with config entries), for a service named with -KnownService or -KnownServicesPath, or for the Services the consul-k8s chart installs as the Helm values among the inputs imply them (the servers, the UI, the gateways). Error when the host is a near miss of a Service declared in that namespace (a typo; the nearest name is suggested). Otherwise a Warning that states its assumption: that the inputs hold every Service of the namespace, or, when a file without a namespace declares a Service of that name that was placed in another namespace, that the file is applied where it was placed.",
                CallsNotSeen + "Services installed by a Helm chart other than Consul's, kept in another folder or created by an operator: a call to one of them is reported, as a Warning saying what was assumed, unless it is named with -KnownService. " + NamespacelessObjects + "Two-label hosts are read as svc.ns, so an external name such as example.com is a call to Service example in namespace com, which is reported only if a namespace com appears in the inputs.",
                "Correct the host to the name of the Service that serves it (svc, or svc.namespace across namespaces). If the Service is deployed from elsewhere, add its manifest to the inputs or name it with -KnownService (name, or name.namespace); if a file without a namespace is applied with kubectl -n, give the same namespace with -Namespace.",
                "caller", "namespace", "host", "where the call is written", " [Did you mean '<nearest service>'?]"),
            Entry(
                "MESH105",
                CallsReadFrom + "The port written in the call (or the default of its scheme) against the ports the target Service exposes. Not judged: calls through an explicit upstream (their port is the local listener's) and calls written as Consul DNS names (a Consul virtual IP matches Envoy's outbound listener on any port, and a service lookup returns pod addresses, not the Service's). Warning when caller and target are both in the mesh and the caller uses transparent proxy (Consul's outbound listener matches the Service IP only, so mesh calls still connect); Error otherwise.",
                CallsNotSeen + "A port chosen in code or taken from a default the image applies. Services that are not among the inputs (a call to one is MESH104's). Whether the caller really runs with transparent proxy when that is decided outside the inputs (the Helm values, a namespace label).",
                "Call the Service on one of the ports it exposes, or add the port to the Service (pointing at the port the app listens on).",
                "caller", "namespace", "service", "port called", "where the call is written", "exposed ports", "consequence"),
            Entry(
                "MESH106",
                CallsReadFrom + "For callers in the mesh with transparent proxy: whether the target Service is headless (clusterIP: None) or declares no ports, unless the target's ServiceDefaults sets transparentProxy.dialedDirectly: true. Consul's outbound listener matches upstreams by Service IP, so such calls, made to pod addresses, do not go through the mesh: they leave without mTLS (or are dropped with meshDestinationsOnly), and the destination's sidecar, which takes every inbound TCP connection, closes them. Not judged: calls through an explicit upstream, and calls written as Consul DNS names (svc.virtual.consul resolves to Consul's own virtual IP and a service lookup to the instances, never to the Service's ClusterIP). Reported once per caller and Service.",
                CallsNotSeen + "The transparent proxy setting when it comes from Helm values or namespace labels that are not among the inputs (MeshOps assumes the chart default, on). A ServiceDefaults for the target kept elsewhere that sets dialedDirectly. Services that are not among the inputs.",
                "Give the target Service a ClusterIP and at least one port, or set transparentProxy.dialedDirectly: true in the target's ServiceDefaults when callers must reach pod IPs (StatefulSet peers), or call it through an explicit upstream.",
                "caller", "namespace", "service", "what is wrong with it", "where the call is written", "transparent proxy origin"),
        };
    }
}
