using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        // Every rule about calls reads the same evidence; saying it once keeps the entries from drifting apart.
        private const string CallsReadFrom =
            "Calls are read from what a workload's containers are configured with: env values, command and args, the ConfigMap values they reference or mount (nginx proxy_pass and grpc_pass included), and the consul.hashicorp.com/connect-service-upstreams annotation. A host counts as a call to a Kubernetes Service when it reads as svc, svc.ns, svc.ns.svc or svc.ns.svc.<cluster domain>. ";

        private const string CallsNotSeen =
            "Calls made from application code, from config files baked into the image or held in Secrets, hosts assembled at run time, and calls typed by hand in interactive clients (kubectl exec … -- curl). ";

        private static IEnumerable<RuleGuideEntry> Calls() => new[]
        {
            Entry(
                "MESH104",
                CallsReadFrom + "Reported when no Service of that name exists in the target namespace among the inputs, and the namespace itself appears in the inputs (a call into a namespace the inputs know nothing about is not judged). An explicit upstream that names a Consul service the inputs declare otherwise (a terminating-gateway service, a gateway, a service with config entries) is not reported. The nearest existing name is suggested when one is close.",
                CallsNotSeen + "Services installed by a Helm chart, kept in another folder or created by an operator: a call to one of them is reported as unknown. Objects written without a namespace are taken to be in \"default\", so a file applied with kubectl -n other may be judged against the wrong namespace. Two-label hosts are read as svc.ns, so an external name such as example.com is a call to Service example in namespace com, which is reported only if a namespace com appears in the inputs.",
                "Correct the host to the name of the Service that serves it (svc, or svc.namespace across namespaces). If the Service is deployed from elsewhere, add its manifest to the inputs, or ignore the finding.",
                "caller", "namespace", "host", "where the call is written", " [Did you mean '<nearest service>'?]"),
            Entry(
                "MESH105",
                CallsReadFrom + "The port written in the call (or the default of its scheme) against the ports the target Service exposes. Calls through an explicit upstream are not judged, as their port is the local listener's. Warning when caller and target are both in the mesh and the caller uses transparent proxy (Consul's outbound listener matches the Service IP only, so mesh calls still connect); Error otherwise.",
                CallsNotSeen + "A port chosen in code or taken from a default the image applies. Services that are not among the inputs. Whether the caller really runs with transparent proxy when that is decided outside the inputs (the Helm values, a namespace label).",
                "Call the Service on one of the ports it exposes, or add the port to the Service (pointing at the port the app listens on).",
                "caller", "namespace", "service", "port called", "where the call is written", "exposed ports", "consequence"),
            Entry(
                "MESH106",
                CallsReadFrom + "For callers in the mesh with transparent proxy: whether the target Service is headless (clusterIP: None) or declares no ports, unless the target's ServiceDefaults sets transparentProxy.dialedDirectly: true. Consul's outbound listener matches upstreams by Service IP and port, so such calls never enter the mesh. Calls through an explicit upstream are not judged. Reported once per caller and Service.",
                CallsNotSeen + "The transparent proxy setting when it comes from Helm values or namespace labels that are not among the inputs (MeshOps assumes the chart default, on). A ServiceDefaults for the target kept elsewhere that sets dialedDirectly. Services that are not among the inputs.",
                "Give the target Service a ClusterIP and at least one port, or set transparentProxy.dialedDirectly: true in the target's ServiceDefaults when callers must reach pod IPs (StatefulSet peers), or call it through an explicit upstream.",
                "caller", "namespace", "service", "what is wrong with it", "where the call is written", "transparent proxy origin"),
        };
    }
}
