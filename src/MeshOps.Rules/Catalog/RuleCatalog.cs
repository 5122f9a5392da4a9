using System;
using System.Collections.Generic;
using MeshOps.Rules.Text;

namespace MeshOps.Rules.Catalog
{
    /// <summary>
    /// Every MeshOps rule, once. The IDs are a public contract: the runtime analyzer (Test-MeshConfig) and
    /// the compile-time generator report the same IDs with the same wording.
    /// Argument lists are documented per rule; message, fix and confirm share them.
    /// </summary>
    public static class RuleCatalog
    {
        private const string Ports = "Ports";
        private const string Calls = "Calls";
        private const string Intentions = "Intentions";
        private const string Protocol = "Protocol";
        private const string Identity = "Identity";
        private const string Workload = "Workload";
        private const string Runtime = "Runtime";

        /// <summary>
        /// {0} service, {1} namespace, {2} service port, {3} target port, {4} selected workloads, {5} declared container ports,
        /// {6} what carries the traffic and where it breaks (kube-proxy, or consul-k8s' registered port and Envoy),
        /// {7} the fix for that case. Warning when a mesh pod's Service and Consul only disagree.
        /// </summary>
        public static readonly RuleDescriptor TargetPortMismatch = new RuleDescriptor(
            "MESH101", Severity.Error, Ports,
            "Service targetPort matches no containerPort",
            "Service {0} port {2} targets port {3}, which no container of {4} declares (declared: {5}). {6}",
            "{7}",
            "kubectl get endpoints {0} -n {1} -o wide");

        /// <summary>{0} service, {1} namespace, {2} selector.</summary>
        public static readonly RuleDescriptor SelectorMatchesNothing = new RuleDescriptor(
            "MESH102", Severity.Warning, Ports,
            "Service selector selects no workload",
            "Service {0} selects pods with {2}, but no workload's pod template carries those labels. The Service has no endpoints and Consul registers no instance for it: callers get connection refused or 'no healthy upstream'.",
            "Make the selector of Service {0} match the pod template labels of the workload that serves it (or fix the labels).",
            "kubectl get pods -n {1} -l {2}");

        /// <summary>{0} workload, {1} namespace, {2} bind address as written, {3} port, {4} service, {5} consequence.</summary>
        public static readonly RuleDescriptor LoopbackBind = new RuleDescriptor(
            "MESH103", Severity.Warning, Ports,
            "App binds to loopback on a port a Service targets",
            "{0} listens on {2}, a loopback address, but Service {4} sends traffic to port {3} on the pod IP. {5}",
            "Bind {0} to all interfaces (0.0.0.0:{3} or :{3}) instead of {2}.",
            "kubectl exec -n {1} deploy/{0} -- cat /proc/net/tcp /proc/net/tcp6");

        /// <summary>{0} caller, {1} namespace, {2} host as written, {3} where the call is written, {4} suggestion text.</summary>
        public static readonly RuleDescriptor UnknownCallTarget = new RuleDescriptor(
            "MESH104", Severity.Error, Calls,
            "Call target names no Service",
            "{0} calls '{2}' ({3}), but no Service of that name is declared in namespace {1}; DNS lookup fails or the call leaves the mesh.{4}",
            "Correct the host in {3} to the name of the Service that serves it.",
            "kubectl get service -n {1}");

        /// <summary>{0} caller, {1} namespace, {2} service, {3} what is wrong with it, {4} where the call is written, {5} transparent proxy origin.</summary>
        public static readonly RuleDescriptor TransparentProxyUpstreamWithoutClusterIp = new RuleDescriptor(
            "MESH106", Severity.Error, Calls,
            "Transparent-proxy upstream Service is headless or has no ports",
            "{0} calls {2} through transparent proxy (enabled: {5}), but Service {2} {3}. Consul's outbound listener knows an upstream by its Service's virtual IP, so a call to the pod addresses of {2} does not go through the mesh: it leaves without mTLS (or is dropped when only mesh destinations are allowed), and the sidecar of {2}, which takes every inbound TCP connection, closes it.",
            "Give Service {2} a ClusterIP and a port, or set ServiceDefaults transparentProxy.dialedDirectly: true for {2} if callers must dial pod IPs.",
            "kubectl get service {2} -n {1} -o wide");

        /// <summary>
        /// {0} workload, {1} namespace, {2} first container, {3} pod label selector, {4} why it is in the mesh,
        /// {5} who calls it and what port 0 does then. Info when nothing calls it (a client-only pod).
        /// </summary>
        public static readonly RuleDescriptor MeshPodWithoutPort = new RuleDescriptor(
            "MESH107", Severity.Error, Ports,
            "Mesh pod declares no port",
            "{0} is in the mesh ({4}), but its first container {2} declares no containerPort and the pod has no consul.hashicorp.com/connect-service-port annotation, so consul-k8s registers the service on port 0. {5}",
            "If {0} serves traffic, declare the port the app listens on as a containerPort of {2}, or set the annotation consul.hashicorp.com/connect-service-port; a client-only pod needs nothing.",
            "kubectl get pods -n {1} -l {3} -o jsonpath='{{.items[*].spec.containers[0].ports}}'");

        /// <summary>{0} workload, {1} namespace, {2} the Services, {3} workload's pod selector, {4} why it is in the mesh.</summary>
        public static readonly RuleDescriptor MultipleServicesSelectMeshPod = new RuleDescriptor(
            "MESH108", Severity.Error, Ports,
            "More than one Service selects a mesh pod",
            "{0} is in the mesh ({4}) and is selected by Services {2}. consul-k8s registers the pod once per selecting Service, and connect-init waits for exactly one service with its proxy ('There are multiple Consul services registered for this pod when there must only be one') until it gives up, so the pod never becomes ready.",
            "Label the extra Services with consul.hashicorp.com/service-ignore: \"true\", or narrow their selectors so only one selects {0}.",
            "kubectl get pods -n {1} -l {3}   # READY 2/2 once connect-init has registered the pod");

        /// <summary>{0} caller, {1} namespace, {2} service, {3} port called, {4} where the call is written, {5} exposed ports, {6} consequence.</summary>
        public static readonly RuleDescriptor CallPortNotExposed = new RuleDescriptor(
            "MESH105", Severity.Error, Calls,
            "Call uses a port the target Service does not expose",
            "{0} calls {2} on port {3} ({4}), but Service {2} exposes only {5}. {6}",
            "Call {2} on one of its Service ports ({5}) in {4}, or add port {3} to Service {2}.",
            "kubectl get service {2} -n {1} -o jsonpath='{{.spec.ports}}'");

        /// <summary>
        /// {0} source service, {1} destination service, {2} where the call is written, {3} what the intentions decide and why,
        /// {4} namespace, {5} what the caller sees, {6} the change to make in the destination's ServiceIntentions.
        /// </summary>
        public static readonly RuleDescriptor CallDeniedByIntentions = new RuleDescriptor(
            "MESH201", Severity.Error, Intentions,
            "Call is denied by intentions",
            "{0} calls {1} ({2}), but {3}. {5}",
            "{6} the ServiceIntentions for destination '{1}'.",
            "consul intention check {0} {1}");

        /// <summary>{0} intention resource, {1} role ("source" or "destination"), {2} service name, {3} suggestion text, {4} namespace.</summary>
        public static readonly RuleDescriptor IntentionNamesUnknownService = new RuleDescriptor(
            "MESH202", Severity.Warning, Intentions,
            "Intention names a service that does not exist",
            "ServiceIntentions {0} names {1} '{2}', but no mesh service of that name is declared; the intention matches nothing.{3}",
            "Correct the {1} name '{2}' to an existing Consul service name, or remove it.",
            "consul catalog services");

        /// <summary>{0} intention resource, {1} what is duplicated, {2} other location, {3} namespace, {4} who refuses what.</summary>
        public static readonly RuleDescriptor DuplicateIntention = new RuleDescriptor(
            "MESH203", Severity.Error, Intentions,
            "Duplicate intention source or destination",
            "ServiceIntentions {0}: {1} (also at {2}). {4}",
            "Merge the duplicated sources or resources into one ServiceIntentions per destination with one entry per source.",
            "kubectl get serviceintentions -n {3}");

        /// <summary>{0} intention resource, {1} destination service, {2} source, {3} the protocol and where it is set, {4} namespace.</summary>
        public static readonly RuleDescriptor L7PermissionsOnTcp = new RuleDescriptor(
            "MESH204", Severity.Error, Intentions,
            "L7 permissions on a TCP destination",
            "ServiceIntentions {0} gives source '{2}' HTTP permissions, but {1} speaks {3}. The Consul server refuses HTTP permissions for a service that does not speak HTTP, so the whole resource does not sync: none of its intentions apply, not only those for '{2}' (for an update, the version Consul already holds stays).",
            "Set protocol http (or http2/grpc) in the ServiceDefaults of {1}, or replace the permissions with action allow.",
            "kubectl get serviceintentions {0} -n {4}");

        /// <summary>
        /// {0} intention resource, {1} source, {2} destination, {3} the services the source's configuration calls,
        /// {4} who calls the destination here, {5} the source's namespace, {6} one of the source's workloads as kubectl names it (deployment/web).
        /// Info: configuration cannot see calls made from code or by hand, so "unused" is what the inputs show, not a fact.
        /// </summary>
        public static readonly RuleDescriptor UnusedAllowIntention = new RuleDescriptor(
            "MESH205", Severity.Info, Intentions,
            "Allowing intention for a call the configuration never shows",
            "ServiceIntentions {0} allows {1} to call {2}, but no call from {1} to {2} appears in the configuration: {1} names its upstreams explicitly ({3}) and {2} is not one of them ({4}). If {1} does not call {2} from code or by hand either, the allow only widens what a compromised {1} can reach.",
            "If {1} never calls {2}, remove source '{1}' from ServiceIntentions {0}; keep it if the call is made from code, by hand or by a tool.",
            "kubectl port-forward -n {5} {6} 19000 & curl -s localhost:19000/stats | grep -E 'cluster\\.{2}\\..*upstream_cx_total'   # 0 or absent: {1} has not called {2} since Envoy started");

        /// <summary>{0} why every call is allowed (an allow-all intention, or no deny-all and the default policy's origin), {1} the mesh workloads count, {2} the step that closes it.</summary>
        public static readonly RuleDescriptor NoDefaultDeny = new RuleDescriptor(
            "MESH206", Severity.Warning, Intentions,
            "No default deny",
            "{0} Any of the {1} mesh workloads can call any other, and intentions only ever subtract: the mesh is not zero-trust.",
            "{2}, then allow each call the application makes.",
            "consul intention check <any-source> <any-destination>   # Denied once default deny is in place");

        /// <summary>{0} service, {1} protocol set, {2} why it is TCP, {3} namespace.</summary>
        public static readonly RuleDescriptor HttpProtocolOnTcpService = new RuleDescriptor(
            "MESH301", Severity.Error, Protocol,
            "HTTP protocol on a TCP service",
            "ServiceDefaults for {0} sets protocol '{1}', but {0} speaks a TCP protocol ({2}). " + Protocols.HttpSidecarOnTcp,
            "Set protocol: tcp in ServiceDefaults {0}.",
            "consul config read -kind service-defaults -name {0}");

        /// <summary>{0} service, {1} what needs L7, {2} protocol in force and where it comes from, {3} namespace.</summary>
        public static readonly RuleDescriptor L7FeatureWithoutL7Protocol = new RuleDescriptor(
            "MESH302", Severity.Error, Protocol,
            "L7 configuration on a service without an L7 protocol",
            "{0} has {1}, but its protocol is {2}. The Consul server refuses routers, splitters and ServiceIntentions with HTTP permissions for a tcp service, so that resource never syncs.",
            "Add a ServiceDefaults for {0} with protocol: http (or http2/grpc).",
            "consul config read -kind service-defaults -name {0}");

        /// <summary>{0} service, {1} the conflict, {2} protocol in force and where it is set, {3} namespace, {4} what follows from it.</summary>
        public static readonly RuleDescriptor ProxyDefaultsProtocolConflict = new RuleDescriptor(
            "MESH303", Severity.Error, Protocol,
            "Protocol conflict between ProxyDefaults and a service's needs",
            "{0}: {1}, but its protocol is {2}. {4}",
            "Give {0} its own ServiceDefaults with the protocol it speaks (tcp for databases, http for HTTP services).",
            "consul config read -kind service-defaults -name {0}");

        /// <summary>{0} workload, {1} namespace, {2} service account, {3} why the workload is in the mesh.</summary>
        public static readonly RuleDescriptor MissingServiceAccount = new RuleDescriptor(
            "MESH401", Severity.Error, Identity,
            "Mesh workload's ServiceAccount does not exist",
            "{0} runs as ServiceAccount {2}, which does not exist in namespace {1}. Kubernetes refuses to create the pods, and Consul's ACL login needs that identity ({0} is in the mesh: {3}).",
            "Create ServiceAccount {2} in namespace {1}, or set serviceAccountName of {0} to an existing one.",
            "kubectl get serviceaccount {2} -n {1}");

        /// <summary>{0} workload, {1} namespace, {2} where automount is disabled, {3} the workload's pod label selector, {4} why it is in the mesh, {5} whether ACLs are on and who says.</summary>
        public static readonly RuleDescriptor ServiceAccountTokenNotMounted = new RuleDescriptor(
            "MESH402", Severity.Error, Identity,
            "ServiceAccount token not mounted in a mesh workload",
            "automountServiceAccountToken is false on {2}. With ACLs on, consul-k8s logs each sidecar in to Consul with its pod's ServiceAccount token, and its webhook refuses a mesh pod with no token mounted ('unable to find service account token volumeMount'), so no pod of {0} is created ({0} is in the mesh: {4}; ACLs on: {5}).",
            "Remove automountServiceAccountToken: false from {2} (or set it to true).",
            "kubectl get events -n {1} --field-selector reason=FailedCreate   # the webhook's refusal, until the token is mounted");

        /// <summary>{0} workload, {1} namespace, {2} service account, {3} Consul service name, {4} ACL setting and origin, {5} connect-init's error.</summary>
        public static readonly RuleDescriptor ServiceAccountNameMismatch = new RuleDescriptor(
            "MESH403", Severity.Warning, Identity,
            "ServiceAccount name differs from the Consul service name",
            "{0} runs as ServiceAccount '{2}' but registers as Consul service '{3}'. With ACLs enabled, connect-init stops after its login ('{5}') and the pod never starts; ACLs enabled: {4}.",
            "Run {0} as a ServiceAccount named '{3}'.",
            "kubectl logs -n {1} deploy/{0} -c consul-connect-inject-init");

        /// <summary>{0} workload, {1} namespace, {2} config map, {3} missing key or empty, {4} how it is referenced.</summary>
        public static readonly RuleDescriptor MissingConfigMap = new RuleDescriptor(
            "MESH501", Severity.Error, Workload,
            "Referenced ConfigMap or key does not exist",
            "{0} uses ConfigMap {2}{3} ({4}), which does not exist. The pod will not start (CreateContainerConfigError or volume mount failure).",
            "Create ConfigMap {2}{3} in namespace {1}, or correct the name in {0}.",
            "kubectl get configmap {2} -n {1} -o yaml");

        /// <summary>{0} workload kind/name, {1} namespace, {2} selector, {3} template labels.</summary>
        public static readonly RuleDescriptor WorkloadSelectorMismatch = new RuleDescriptor(
            "MESH503", Severity.Error, Workload,
            "Workload selector does not match its pod template",
            "{0} selects {2}, but its pod template is labelled {3}. The API server rejects it ('`selector` does not match template `labels`'): nothing runs.",
            "Make spec.selector.matchLabels of {0} a subset of spec.template.metadata.labels.",
            "kubectl apply --dry-run=server -f <file>");

        /// <summary>{0} caller, {1} callee, {2} which side is outside the mesh, {3} where the call is written, {4} consequence, {5} namespace, {6} the permissive-mTLS alternative, if any.</summary>
        public static readonly RuleDescriptor MeshBoundaryCall = new RuleDescriptor(
            "MESH502", Severity.Error, Workload,
            "Call crosses the mesh boundary",
            "{0} calls {1} ({3}), but {2} is outside the mesh. {4}",
            "Add the annotation consul.hashicorp.com/connect-inject: \"true\" to the pod template of the workload outside the mesh{6}.",
            "kubectl get pods -n {5} -o jsonpath='{{range .items[*]}}{{.metadata.name}} {{.metadata.annotations.consul\\.hashicorp\\.com/connect-inject-status}}{{\"\\n\"}}{{end}}'");

        /// <summary>{0} config map, {1} key, {2} credential kind, {3} namespace.</summary>
        public static readonly RuleDescriptor CredentialInConfigMap = new RuleDescriptor(
            "MESH601", Severity.Warning, Workload,
            "Credential in a ConfigMap",
            "ConfigMap {0} key '{1}' contains a {2} in clear text; ConfigMaps are readable by anyone who can read the namespace. MeshOps redacts it in every output.",
            "Move the {2} into a Secret and reference it with secretKeyRef, or mount the Secret as a file.",
            "kubectl get secret -n {3}");

        /// <summary>{0} resource name, {1} namespace, {2} this destination, {3} the other destination, {4} where the other is written.</summary>
        public static readonly RuleDescriptor IntentionDestinationRewritten = new RuleDescriptor(
            "MESH207", Severity.Error, Intentions,
            "One ServiceIntentions written with two destinations",
            "ServiceIntentions {0} in namespace {1} is written twice, with destination {2} here and {3} at {4}. Both are one Kubernetes object, so whichever is applied second is an update that changes spec.destination, and the consul-k8s webhook rejects it ('spec.destination.name and spec.destination.namespace are immutable fields for ServiceIntentions'): the intentions for that destination never apply.",
            "Give each destination its own ServiceIntentions: rename this one to metadata.name: {2} (the destination's name, by convention), or delete one of the two definitions.",
            "kubectl get serviceintentions {0} -n {1} -o jsonpath='{{.spec.destination.name}}'");

        /// <summary>
        /// {0} resource name, {1} its Kubernetes namespace, {2} the namespace fields as written, {3} the webhook's
        /// messages, {4} where the Helm values leave Consul namespaces off, {5} the file.
        /// </summary>
        public static readonly RuleDescriptor ConsulNamespaceWithoutEnterprise = new RuleDescriptor(
            "MESH208", Severity.Error, Intentions,
            "Consul namespace named where namespaces are not enabled",
            "ServiceIntentions {0} in namespace {1} sets {2}, but Consul namespaces are not enabled ({4}). The consul-k8s webhook refuses the whole resource ({3}), so none of its intentions apply.",
            "Remove the namespace fields from ServiceIntentions {0}: without Consul Enterprise namespaces every service is in Consul namespace default. If the cluster runs Consul Enterprise, set global.enableConsulNamespaces: true in the Helm values instead.",
            "kubectl apply --dry-run=server -f {5}");

        /// <summary>{0} workload, {1} namespace, {2} why it is in the mesh, {3} pod label selector, {4} what the inputs hold of the namespace's Services.</summary>
        public static readonly RuleDescriptor MeshPodWithoutService = new RuleDescriptor(
            "MESH109", Severity.Error, Ports,
            "No Service selects a mesh pod",
            "{0} is in the mesh ({2}), but no Service that consul-k8s registers selects its pods ({3}). consul-k8s registers a mesh pod in Consul only from the Endpoints of a Service that selects it, and connect-init waits for that registration ('Check to ensure a Kubernetes service has been created for this application'): the pod never becomes ready. {4}",
            "Create a Service in namespace {1} whose selector matches the pod labels of {0} ({3}), with the port the app listens on.",
            "kubectl logs -n {1} -l {3} -c consul-connect-inject-init");

        /// <summary>{0} workload, {1} namespace, {2} the NetworkPolicies that select it, {3} what they do not allow, {4} consequences, {5} pod label selector.</summary>
        public static readonly RuleDescriptor NetworkPolicyBlocksSidecar = new RuleDescriptor(
            "MESH504", Severity.Error, Workload,
            "NetworkPolicy blocks what the mesh sidecar needs",
            "NetworkPolicies selecting the pods of {0} ({5}): {2}. Taken together they do not allow {3}. {4}",
            "Add to a NetworkPolicy in namespace {1} that selects {0} a rule allowing {3}.",
            "kubectl describe networkpolicy -n {1}");

        // Runtime: what a cluster reports about the objects (pod and container status, endpoint readiness). Read from a
        // live cluster or a `kubectl get -o yaml` dump; manifests carry no status, so these rules are silent on them.

        /// <summary>{0} workload, {1} namespace, {2} how many pods, {3} each pod's containers and why they do not run, {4} pod label selector.</summary>
        public static readonly RuleDescriptor PodsNotRunning = new RuleDescriptor(
            "MESH901", Severity.Error, Runtime,
            "Pods of a workload are not running",
            "{2} pod(s) of {0} have a container that is not running: {3}. A pod whose container is down is not ready, so its Service sends no traffic to it: callers get connection refused, or 'no healthy upstream' through the mesh.",
            "Find why the container stops (kubectl logs --previous, and the pod's events in kubectl describe pod): a crash of the app, a ConfigMap or Secret it needs that is missing (CreateContainerConfigError), an image that cannot be pulled; fix that cause.",
            "kubectl get pods -n {1} -l {4}");

        /// <summary>{0} workload, {1} namespace, {2} how many pods, {3} each pod and its sidecar's state, {4} pod label selector, {5} sidecar container name.</summary>
        public static readonly RuleDescriptor SidecarNotReady = new RuleDescriptor(
            "MESH902", Severity.Error, Runtime,
            "Mesh sidecar is not ready",
            "The mesh sidecar of {2} pod(s) of {0} is not ready: {3}. Until Envoy has its configuration from Consul the pod is not ready and Consul marks its instance critical: mesh callers get 'no healthy upstream', and the pod's own calls through Envoy fail.",
            "Read the sidecar's log: it says whether it cannot reach the Consul servers (gRPC port 8502), was refused a login by ACLs (the pod's ServiceAccount), or finds no registration of the pod's service; fix that cause.",
            "kubectl logs -n {1} -l {4} -c {5} --tail=50");

        /// <summary>{0} service, {1} namespace, {2} not-ready addresses, {3} what the other runtime findings say of the pods behind them.</summary>
        public static readonly RuleDescriptor NoReadyEndpoints = new RuleDescriptor(
            "MESH903", Severity.Error, Runtime,
            "Service has no ready endpoint",
            "Service {0} has pods behind it, but none is ready ({2} address(es) not ready). kube-proxy has nowhere to send callers (connection refused) and consul-k8s registers the instances as critical, so mesh callers get 'no healthy upstream'.{3}",
            "Find why the pods are not ready (a failing readiness probe, a container or sidecar not running: kubectl describe pods) and fix that cause.",
            "kubectl get endpointslices -n {1} -l kubernetes.io/service-name={0}");

        private const string Declaration = "Declaration";

        /// <summary>{0} the name as written, {1} its length, {2} the declaring type.</summary>
        public static readonly RuleDescriptor InvalidServiceName = new RuleDescriptor(
            "MESH701", Severity.Error, Declaration,
            "Mesh service name is not a DNS-1035 label",
            "{2} declares service name '{0}' ({1} characters), which is not a DNS-1035 label: at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit. Kubernetes rejects a Service of that name.",
            "Rename the service in [MeshService] of {2} to a DNS-1035 label, e.g. lowercase words joined by '-'.",
            "kubectl create service clusterip {0} --tcp=80 --dry-run=client")
        { CompileTimeOnly = true };

        /// <summary>{0} the port as written, {1} what the port is (e.g. "ContainerPort"), {2} the declaring type.</summary>
        public static readonly RuleDescriptor PortOutOfRange = new RuleDescriptor(
            "MESH702", Severity.Error, Declaration,
            "Port outside 1-65535",
            "{2} declares {1} {0}, which is not a TCP port (1-65535): nothing can listen or be called on it, and as a Service or container port Kubernetes rejects the object.",
            "Use the port the app really listens on or is called on, between 1 and 65535.",
            "kubectl apply --dry-run=server -f <file>")
        { CompileTimeOnly = true };

        /// <summary>{0} the service name, {1} the declaring type, {2} the type that declared it first, {3} what the two make together (where each is, and what Consul makes of it).</summary>
        public static readonly RuleDescriptor DuplicateServiceName = new RuleDescriptor(
            "MESH703", Severity.Error, Declaration,
            "Two mesh services share a name",
            "{1} declares service '{0}', which {2} already declares{3}.",
            "Give {1} its own service name, or merge it with {2}.",
            "kubectl get service {0} -o yaml")
        { CompileTimeOnly = true };

        /// <summary>{0} the type named by [Upstream], {1} the declaring service type, {2} the mesh.</summary>
        public static readonly RuleDescriptor UpstreamNotInMesh = new RuleDescriptor(
            "MESH704", Severity.Error, Declaration,
            "Upstream is not a service of the mesh",
            "{1} declares an upstream {0}, which is not a [MeshService] declared in {2}. No Service, port or intention can be derived for it.",
            "Name a [MeshService] type nested in {2} in [Upstream(typeof(...))], or declare {0} as one.",
            "dotnet build")
        { CompileTimeOnly = true };

        /// <summary>{0} the declaring type, {1} where it is declared instead.</summary>
        public static readonly RuleDescriptor ServiceOutsideMesh = new RuleDescriptor(
            "MESH705", Severity.Error, Declaration,
            "Mesh service is not declared in a mesh",
            "{0} has [MeshService] but is declared {1}, not as a nested class of a MeshDefinition<TMesh>. No handle is generated for it and no mesh writes its objects.",
            "Move {0} into the partial class that derives from MeshDefinition<TMesh> (e.g. partial class MyMesh : MeshDefinition<MyMesh>).",
            "dotnet build")
        { CompileTimeOnly = true };

        /// <summary>
        /// {0} Consul's message, with where Consul says the permission is (<c>Sources[0].Permissions[0].HTTP …</c>): the
        /// text New-MeshIntention and the typed mesh's Build() throw, so the three word it alike. {1} the declaring call.
        /// </summary>
        public static readonly RuleDescriptor InvalidRequestMatch = new RuleDescriptor(
            "MESH706", Severity.Error, Declaration,
            "L7 request match Consul refuses",
            "{0}",
            "Change {1}: at most one of PathExact, PathPrefix or PathRegex, a path starting with '/', methods Consul accepts (GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE) each once, exactly one of Present, Exact, Prefix, Suffix, Contains or Regex per header (IgnoreCase only with Exact, Prefix, Suffix or Contains), and at least one criterion.",
            "dotnet build")
        { CompileTimeOnly = true };

        /// <summary>All rules Test-MeshConfig runs, in ID order. The compile-time-only rules are in <see cref="CompileTime"/>.</summary>
        public static readonly IReadOnlyList<RuleDescriptor> All = new[]
        {
            TargetPortMismatch, SelectorMatchesNothing, LoopbackBind, UnknownCallTarget, CallPortNotExposed,
            TransparentProxyUpstreamWithoutClusterIp, MeshPodWithoutPort, MultipleServicesSelectMeshPod,
            MeshPodWithoutService,
            CallDeniedByIntentions, IntentionNamesUnknownService, DuplicateIntention, L7PermissionsOnTcp,
            UnusedAllowIntention, NoDefaultDeny, IntentionDestinationRewritten, ConsulNamespaceWithoutEnterprise,
            HttpProtocolOnTcpService, L7FeatureWithoutL7Protocol, ProxyDefaultsProtocolConflict,
            MissingServiceAccount, ServiceAccountTokenNotMounted, ServiceAccountNameMismatch,
            MissingConfigMap, MeshBoundaryCall, WorkloadSelectorMismatch, NetworkPolicyBlocksSidecar, CredentialInConfigMap,
            PodsNotRunning, SidecarNotReady, NoReadyEndpoints,
        };

        /// <summary>
        /// Rules only the compiler reports: mistakes in a typed mesh's declarations. The compiler also reports the
        /// runtime rules of <see cref="All"/> that a declaration can break, with the same IDs and wording.
        /// </summary>
        public static readonly IReadOnlyList<RuleDescriptor> CompileTime = new[]
        {
            InvalidServiceName, PortOutOfRange, DuplicateServiceName, UpstreamNotInMesh, ServiceOutsideMesh, InvalidRequestMatch,
        };

        /// <summary>The runtime rule with this ID (case-insensitive), or null.</summary>
        public static RuleDescriptor? Find(string id)
        {
            foreach (var rule in All)
            {
                if (string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
