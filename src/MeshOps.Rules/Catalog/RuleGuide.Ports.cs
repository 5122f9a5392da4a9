using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        private static IEnumerable<RuleGuideEntry> Ports() => new[]
        {
            Entry(
                "MESH101",
                "For each port of each Service, the targetPort (a number, a name, or the port itself when targetPort is left out) against the containerPorts, with their names, that the pod templates of the selected workloads declare in their containers (init containers are not serving pods). A workload that declares no containerPort at all is not judged (MESH107 covers mesh pods without a port). When no container declares the target, what carries the traffic decides. A name: Kubernetes cannot resolve it and leaves the pods out of the Service's endpoints, so callers are refused and consul-k8s registers no instance: Error. A number, outside the mesh: kube-proxy sends to that port whatever containerPorts say, so it is reported (Error) only when the app's configuration says it listens elsewhere (listen addresses in env values, args, ConfigMap values, nginx listen; a port a probe checks counts as listened on). A number, in the mesh: the destination's Envoy forwards mesh calls to 127.0.0.1 on the registered port (the first entry of consul.hashicorp.com/connect-service-port, else the first containerPort of the first container): Error when the configuration says the app listens elsewhere than that port; nothing when the targetPort is the registered port or the app is known to listen on both; otherwise a Warning that the Service and Consul disagree, which breaks what bypasses the sidecar (callers outside the mesh, kubectl port-forward svc/…) or, if the app listens on the targetPort, every mesh call. A mesh pod registered on port 0 is left to MESH107. Reported once per Service port, naming the workloads that miss it.",
                "What the app really listens on when its configuration does not say (a port chosen in code or by the image's defaults, entrypoint scripts, flags MeshOps does not parse): a numeric targetPort outside the mesh is then not reported, and in the mesh a mismatch is only a Warning. A listen address that belongs to another listener of the process (metrics, admin) is taken for the app's, which can make a finding wrong when the served port is set in code. Workloads that are not among the inputs (other folders, Helm charts, operators), Jobs and CronJobs.",
                "Make the Service's targetPort, the declared containerPort and the port the app listens on agree: set targetPort to the declared port (or its name), or declare the port the app really listens on. For a mesh pod, declare it first in the first container or set consul.hashicorp.com/connect-service-port to it, since consul-k8s registers that port and Envoy forwards mesh calls to it.",
                "service", "namespace", "service port", "target port", "selected workloads", "declared container ports", "what carries the traffic and where it breaks", "the fix for that case"),
            Entry(
                "MESH102",
                "Each Service that has a selector, against the pod template labels of every Deployment, StatefulSet, DaemonSet, ReplicaSet and Pod in the same namespace. Reported when no pod template carries all of the selector's labels. A Service without a selector (backed by hand-made Endpoints, or ExternalName) is not judged. When the inputs hold no workload at all in the Service's namespace, the finding states its assumption: that the inputs hold every workload of the namespace.",
                "Pods made by anything that is not among the inputs: a Helm chart or operator, another folder, a Job or CronJob, or a workload in a document that could not be read (a load error drops that document, and its Service then selects nothing). " + NamespacelessObjects,
                "Make the selector match the labels of the pod template that should serve the Service, or fix the labels; if the workload is deployed from elsewhere, add its manifest to the inputs or ignore the finding.",
                "service", "namespace", "selector"),
            Entry(
                "MESH103",
                "Listen addresses written in a workload's configuration (env values, command and args, ConfigMap values the pod reads, nginx listen directives) that are a loopback address (127.0.0.0/8, ::1, localhost), on a port that a Service selecting the workload targets. Warning when the pod is in the mesh (the sidecar still reaches 127.0.0.1, but probes and non-mesh callers are refused); Error when it is not (every caller is refused).",
                "Addresses chosen in application code, built-in defaults of the image, config files baked into the image or mounted from Secrets, and values assembled at run time. An address written for a different listener of the same process (an admin or metrics port) is judged only by its port.",
                "Make the app listen on all interfaces (0.0.0.0 or just :port) on the port the Service targets; keep loopback only for ports that only the sidecar or the pod itself should reach.",
                "workload", "namespace", "bind address", "port", "service", "consequence"),
            Entry(
                "MESH107",
                "Each workload whose pods are in the mesh (connect-inject annotation, namespace label or Helm connectInject.default): whether its first container declares a containerPort or the pod carries the consul.hashicorp.com/connect-service-port annotation. consul-k8s takes the service port from the first container's ports; with neither, it registers port 0, and the pod's Envoy forwards every inbound connection to 127.0.0.1:0. Error when something in the inputs calls the service: a call found in a workload's configuration (see MESH104), an intention allowing a source to reach it, an ingress gateway listener, or a ServiceRouter, ServiceSplitter or ServiceResolver that routes to it. Info otherwise, since a client-only pod (curl, a batch worker, the consul-k8s docs' static-client) registers port 0 harmlessly.",
                "Callers the inputs do not show: calls made from application code, by hand or from manifests in other folders, and Gateway API routes (HTTPRoute), which are not read; a service called only that way gets Info although its callers break. Ports a mutating webhook or an operator adds, and workloads that are not among the inputs.",
                "Declare the port the app listens on as a containerPort of the first container, or set consul.hashicorp.com/connect-service-port on the pod template. For a pod that only makes calls and is never called, nothing needs to change.",
                "workload", "namespace", "first container", "pod label selector", "why it is in the mesh", "who calls it and what port 0 does then"),
            Entry(
                "MESH108",
                "Each mesh workload whose pod template has no consul.hashicorp.com/connect-service annotation: the Services in the inputs whose selectors select its pods, leaving out those labelled consul.hashicorp.com/service-ignore: \"true\". Reported when two or more remain, because connect-init registers the pod only when exactly one Consul service selects it. A pod that names its Consul service in that annotation is not judged: with one name, every selecting Service writes the same <pod>-<name> registration; a comma-separated list is consul-k8s' multi-port set-up, which expects several Services.",
                "Services that are not among the inputs (a Helm-installed Service selecting the same pods is missed). Consul Enterprise and consul-k8s versions whose multi-port support differs.",
                "Keep one Service per mesh pod: label the others consul.hashicorp.com/service-ignore: \"true\", narrow their selectors, or name the pod's Consul service with consul.hashicorp.com/connect-service (a comma-separated list for a multi-port pod, as consul-k8s documents it).",
                "workload", "namespace", "services", "pod label selector", "why it is in the mesh"),
            Entry(
                "MESH109",
                "Each workload in the mesh (not a gateway: no consul.hashicorp.com/gateway-kind annotation) that no Service among the inputs selects, in a namespace where the inputs declare at least one Service. consul-k8s (0.26 and later) registers a mesh pod in Consul only from the Endpoints of a Service selecting it, and connect-init waits for that registration. A Service that misses the pod only by a label value is left to MESH102.",
                "Services that are not among the inputs: one installed by a Helm chart or kept in another folder selects the pod and nothing is wrong. Namespaces where the inputs declare no Service at all are not judged for that reason, so a lone Deployment without its Service is missed. Jobs and CronJobs are not read.",
                "Create a Service selecting the pod's labels with the port the app listens on; a client-only pod still needs one (the consul-k8s docs' static-client has a Service).",
                "workload", "namespace", "why it is in the mesh", "pod label selector", "what the inputs hold of the namespace's Services"),
        };
    }
}
