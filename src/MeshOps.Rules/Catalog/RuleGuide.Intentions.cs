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
                "Each call found in the configuration (see MESH104 for where calls are read; Consul DNS names included) from a workload in the mesh to a Service whose pods are in the mesh: the ServiceIntentions among the inputs are evaluated in Consul's precedence order for the caller's and the destination's Consul service names. When no intention matches, the default policy decides: -DefaultPolicy, else deny when ACLs are enabled (-AclsEnabled or global.acls.manageSystemACLs in Helm values among the inputs), else allow. Error when an L4 intention or the default denies the call. When the deciding intention has HTTP permissions and the destination speaks HTTP, its permissions are tried in order, the first match deciding and the default policy deciding a request none matches, for the requests the configuration shows: the path of the call's URL or any path below it, for nginx proxy_pass the proxy_pass URI or else the location prefix, and the method when a curl command states it with -X. Error only when every such request is certainly denied; nothing when some may be allowed; a Warning when the configuration shows nothing of the requests (a bare host:port, an explicit upstream), since only requests matching an allow permission get through. HTTP permissions on a destination without an HTTP protocol are left to MESH204 and MESH302. Reported once per caller and destination.",
                IntentionsNotSeen + "The requests actually sent: they are taken to go to the configured URL's path or below it, their headers are never known (a permission that matches on headers may or may not apply), and their method is known only from a curl -X; an app that requests paths outside its base URL can be denied without a finding. Calls made from application code or by hand (see MESH104). A default policy of deny set in the Consul servers' own configuration rather than through the Helm chart's ACL setting.",
                "Add a source for the caller with action allow to the ServiceIntentions of the destination or, for an intention with HTTP permissions, an allow permission for the requests it sends ahead of any permission that denies them. If the call should not happen, remove it from the caller's configuration.",
                "source", "destination", "where the call is written", "what the intentions decide and why", "namespace", "what the caller sees", "the change to make in"),
            Entry(
                "MESH202",
                "The destination name and each source name of every ServiceIntentions, against the Consul service names the inputs declare: Kubernetes Services, the names mesh workloads register as, API, ingress and terminating gateways and the services linked to them, the names of ServiceDefaults, ServiceResolver, ServiceRouter and ServiceSplitter entries, services named with -KnownService or -KnownServicesPath, and the services the consul-k8s chart installs as the Helm values among the inputs imply them. The wildcard '*' and sources from a peer, partition or sameness group are not judged, and nothing is judged when the inputs declare no Service or workload at all. The nearest declared name is suggested when one is close; without one, the finding states its assumption: that the inputs hold every service.",
                IntentionsNotSeen + "Services installed by a Helm chart, registered from VMs or other clusters, or deployed from another folder: an intention for one of them is reported as naming nothing, with the assumption stated, unless the service is named with -KnownService.",
                "Correct the name to the Consul service name it is meant for (the Service name, or the pod's connect-service annotation), or remove the source or the whole intention if the service is gone. If the service is deployed from elsewhere, add its manifest to the inputs or name it with -KnownService.",
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
                "Each source that ServiceIntentions allow (action allow, or HTTP permissions) to reach a destination the inputs declare, both in Consul's default namespace and partition. A source is judged only when its configuration is evidence of how it calls: every mesh workload registering as that Consul service has at least one call in its configuration (see MESH104 for where calls are read; Consul DNS names and the upstreams annotation count), every one of those calls resolves to a declared service, and every ConfigMap it needs is among the inputs. Reported, at Info, when none of those calls is to the destination. Not judged for the wildcard '*', for sources from a peer, partition or sameness group, for a source with no mesh workload among the inputs, or for one whose configuration shows no call at all (an interactive curl pod, an app whose calls are in code).",
                CallsNotSeen + "An app that names some of its upstreams in configuration and calls others from code (server-side rendering, an SDK) or by hand: the allow for those calls is reported although it is used. Calls from other clusters over peering, and calls that are planned but not yet written. This is why the rule is Info: confirm with the application's owners, or with the Envoy statistics of the confirm command, before removing an allow.",
                "Remove the source from the ServiceIntentions if the call is never made; keep it if the application makes the call in a way the configuration does not show.",
                "intention resource", "source", "destination", "the services the source calls", "the destination's callers here", "source namespace", "source workload"),
            Entry(
                "MESH206",
                "Whether the mesh allows the calls that no intention denies, when the inputs hold mesh workloads and no deny-all intention (destination '*', source '*', action deny). Reported on an explicit allow-all (destination '*', source '*', action allow, not from a peer or sameness group) whatever the default policy, since it opens the mesh as written. Otherwise reported when the default policy is allow: -DefaultPolicy Allow, or ACLs disabled (-AclsEnabled $false, global.acls.manageSystemACLs false or absent in Helm values). That case is judged only when the inputs hold Consul Helm values or at least one ServiceIntentions, so a folder with one app's manifests is not judged; when no Helm values are among the inputs and neither -AclsEnabled nor -DefaultPolicy is given, the finding states its assumption that ACLs are off (the chart default).",
                "A deny-all intention or ACL settings kept outside the inputs (the Helm values of the Consul installation in another folder or repository, intentions created with the consul CLI). A default policy of deny set in the Consul servers' own ACL configuration rather than through the Helm chart. Pass -DefaultPolicy Deny or -AclsEnabled $true when the inputs do not say what the cluster runs with.",
                "Add a ServiceIntentions with destination '*' and one source '*' with action deny (or set action deny on the allow-all), then an allowing intention for each call the application makes; without an allow-all, enabling ACLs (global.acls.manageSystemACLs: true) also makes deny the default.",
                "why every call is allowed", "number of mesh workloads", "the change that makes deny the default"),
            Entry(
                "MESH207",
                "ServiceIntentions resources with the same namespace and metadata.name written more than once among the inputs (in several files or documents) with different spec.destination names or namespaces. They are one Kubernetes object, so applying a later copy is an update of spec.destination, which the consul-k8s webhook refuses as immutable: the copy stored first stays, and it is the one the other intention rules evaluate. Reported on each later copy, in kubectl's apply order (files in lexical order, documents top to bottom), whose destination differs from the first copy's, naming the first.",
                IntentionsNotSeen + "A ServiceIntentions of that name already in the cluster from an earlier apply, or applied from another folder or repository.",
                "Give each destination its own ServiceIntentions (by convention named after the destination), or delete the definition that is not meant to be applied.",
                "intention name", "namespace", "destination here", "other destination", "other location"),
        };
    }
}
