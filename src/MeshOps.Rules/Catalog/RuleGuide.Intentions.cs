using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        // Consul CE registers the services of every Kubernetes namespace in one Consul namespace; MeshOps reads
        // intentions the same way, which is wrong for Enterprise namespaces and partitions.
        private const string IntentionsNotSeen =
            "Intentions, config entries and services that are not among the inputs: created with the consul CLI, the API or the UI, kept in another folder, or in another cluster. Consul Enterprise namespaces and admin partitions (MeshOps assumes Consul CE, where every Kubernetes namespace registers into one Consul namespace). ";

        private static IEnumerable<RuleGuideEntry> Intentions() => new[]
        {
            Entry(
                "MESH201",
                "Each call found in the configuration (see MESH104 for where calls are read) from a workload in the mesh to a Service whose pods are in the mesh: the ServiceIntentions among the inputs are evaluated in Consul's precedence order for the caller's and the destination's Consul service names. When no intention matches, the default policy decides: -DefaultPolicy, else deny when ACLs are enabled (-AclsEnabled or global.acls.manageSystemACLs in Helm values among the inputs), else allow. Error for a call denied at L4; Warning when the deciding intention has HTTP permissions on an HTTP destination (only the requests its permissions allow get through). Reported once per caller and destination.",
                IntentionsNotSeen + "The requests actually made: an intention with HTTP permissions may allow exactly the paths and methods the caller uses. Calls made from application code or by hand (see MESH104). A default policy of deny set in the Consul servers' own configuration rather than through the Helm chart's ACL setting.",
                "Add a source for the caller with action allow to the ServiceIntentions of the destination (or widen its HTTP permissions to the requests it makes). If the call should not happen, remove it from the caller's configuration.",
                "source", "destination", "where the call is written", "why it is denied", "namespace"),
            Entry(
                "MESH202",
                "The destination name and each source name of every ServiceIntentions, against the Consul service names the inputs declare: Kubernetes Services, the names mesh workloads register as, API, ingress and terminating gateways and the services linked to them, and the names of ServiceDefaults, ServiceResolver, ServiceRouter and ServiceSplitter entries. The wildcard '*' and sources from a peer, partition or sameness group are not judged, and nothing is judged when the inputs declare no Service or workload at all. The nearest declared name is suggested when one is close.",
                IntentionsNotSeen + "Services installed by a Helm chart, registered from VMs or other clusters, or deployed from another folder: an intention for one of them is reported as naming nothing.",
                "Correct the name to the Consul service name it is meant for (the Service name, or the pod's connect-service annotation), or remove the source or the whole intention if the service is gone. If the service is deployed from elsewhere, add its manifest to the inputs, or ignore the finding.",
                "intention resource", "source or destination", "service name", " [Did you mean '<nearest service>'?]", "namespace"),
            Entry(
                "MESH203",
                "Within one ServiceIntentions, sources listed twice (same name, namespace, partition, peer and sameness group), which the Consul server rejects; and across the inputs, two ServiceIntentions resources with the same destination, which the consul-k8s webhook rejects whatever namespace holds them.",
                "ServiceIntentions already in the cluster or created with the consul CLI or API, which would clash with one in the inputs. One ServiceIntentions (same namespace and name) written twice with different destinations is MESH207's finding. Consul Enterprise namespaces, where two destinations of one name in different namespaces are allowed.",
                "Keep one ServiceIntentions per destination, with one entry per source; merge the duplicated entries' permissions into one.",
                "intention resource", "what is duplicated", "other location", "namespace"),
            Entry(
                "MESH204",
                "ServiceIntentions sources with HTTP permissions (permissions: rather than action:) for a destination whose protocol is set explicitly, in its ServiceDefaults or in ProxyDefaults config.protocol among the inputs, to a protocol that is not http, http2 or grpc. Consul treats such L7 intentions as deny. A destination with no protocol set at all is MESH302's finding; the wildcard destination is not judged.",
                IntentionsNotSeen + "A ServiceDefaults or ProxyDefaults written with consul config write or kept elsewhere that sets another protocol.",
                "Set the destination's protocol to http, http2 or grpc in its ServiceDefaults if it speaks HTTP, or replace the permissions with action: allow (or deny) if it does not.",
                "intention resource", "destination", "source", "where the protocol is set", "namespace"),
            Entry(
                "MESH205",
                "Each source that ServiceIntentions allow (action allow, or HTTP permissions) to reach a destination the inputs declare: reported when the source is a mesh workload among the inputs, and no call from it to the destination is found in its configuration (see MESH104 for where calls are read). Not judged for the wildcard '*', for sources that are not workloads in the inputs, and for workloads whose calls are not fully known (a call to an unknown host, or a ConfigMap it needs that is missing). \"Nothing calls it\" means that no call is visible in the configuration.",
                CallsNotSeen + "Calls through Consul DNS names (<service>.virtual.consul, <service>.service.consul) and other hosts that are not Kubernetes Service names, calls from other clusters over peering, and calls that are planned but not yet written. This is why the rule is only a Warning: confirm with the application's owners before removing an allow.",
                "Remove the source from the ServiceIntentions if the call is not made, or keep it if the application makes the call in a way MeshOps cannot see.",
                "intention resource", "source", "destination", "the destination's callers"),
            Entry(
                "MESH206",
                "Whether calls that no intention matches are allowed: there is no ServiceIntentions with destination '*' and a source '*' with action deny, and the default policy is allow (-DefaultPolicy Allow, or ACLs disabled: -AclsEnabled $false, global.acls.manageSystemACLs false or absent in Helm values). Judged only when the inputs hold mesh workloads and either Consul Helm values or at least one ServiceIntentions, so a folder with one app's manifests is not judged.",
                "A deny-all intention or ACL settings kept outside the inputs (the Helm values of the Consul installation in another folder or repository, intentions created with the consul CLI). A default policy of deny set in the Consul servers' own ACL configuration rather than through the Helm chart. Pass -DefaultPolicy Deny or -AclsEnabled $true when the inputs do not say what the cluster runs with.",
                "Add a ServiceIntentions with destination '*' and one source '*' with action deny, then an allowing intention for each call the application makes; or enable ACLs (global.acls.manageSystemACLs: true), which makes deny the default.",
                "why calls no intention matches are allowed", "number of mesh workloads", "the change that makes deny the default"),
            Entry(
                "MESH207",
                "ServiceIntentions resources with the same namespace and metadata.name written more than once among the inputs (in several files or documents) with different spec.destination names or namespaces. They are one Kubernetes object, so the second apply is an update of spec.destination, which the consul-k8s webhook refuses as immutable. Reported once, on the later definition in kubectl's apply order, naming the earlier one.",
                IntentionsNotSeen + "A ServiceIntentions of that name already in the cluster from an earlier apply, or applied from another folder or repository.",
                "Give each destination its own ServiceIntentions (by convention named after the destination), or delete the definition that is not meant to be applied.",
                "intention name", "namespace", "destination here", "other destination", "other location"),
        };
    }
}
