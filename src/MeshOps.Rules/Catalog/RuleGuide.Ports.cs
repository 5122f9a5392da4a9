using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        private static IEnumerable<RuleGuideEntry> Ports() => new[]
        {
            Entry(
                "MESH101",
                "For each port of each Service, the targetPort (a number, a name, or the port itself when targetPort is left out) against the containerPorts, with their names, that the pod templates of the selected workloads declare in their containers (init containers are not serving pods). A workload that declares no containerPort at all is not judged (MESH107 covers mesh pods without a port). Reported once per Service port, naming the workloads that declare no matching port.",
                "What the app really listens on: containerPort is informational in Kubernetes, so an app listening on the targetPort without declaring it works through kube-proxy, and a finding for a pod outside the mesh may be harmless. Workloads that are not among the inputs (other folders, Helm charts, operators), Jobs and CronJobs, and ports set at run time (entrypoint scripts, arguments MeshOps does not parse).",
                "Make the Service's targetPort and the containerPort the app listens on agree: change targetPort to the declared port (or its name), or declare the port the app really listens on. In the mesh, consul-k8s registers the declared port, so the declaration must be right too.",
                "service", "namespace", "service port", "target port", "selected workloads", "declared container ports"),
            Entry(
                "MESH102",
                "Each Service that has a selector, against the pod template labels of every Deployment, StatefulSet, DaemonSet, ReplicaSet and Pod in the same namespace. Reported when no pod template carries all of the selector's labels. A Service without a selector (backed by hand-made Endpoints, or ExternalName) is not judged.",
                "Pods made by anything that is not among the inputs: a Helm chart or operator, another folder, a Job or CronJob, or a workload in a file that could not be read (a load error drops that document, and its Service then selects nothing). Objects written without a namespace are taken to be in \"default\"; applied with kubectl -n, they may live together after all.",
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
                "Each workload whose pods are in the mesh (connect-inject annotation, namespace label or Helm connectInject.default): whether its first container declares a containerPort or the pod carries the consul.hashicorp.com/connect-service-port annotation. consul-k8s takes the service port from the first container's ports; with neither, it registers port 0.",
                "Whether anything calls the service: a client-only pod (curl, a batch worker) registers port 0 harmlessly, and the finding matters only if the service is called. Ports a mutating webhook or an operator adds, and workloads that are not among the inputs.",
                "Declare the port the app listens on as a containerPort of the first container, or set consul.hashicorp.com/connect-service-port on the pod template. For a pod that only makes calls and is never called, nothing needs to change.",
                "workload", "namespace", "first container", "pod label selector", "why it is in the mesh"),
            Entry(
                "MESH108",
                "Each mesh workload that is not set up as multi-port (a comma-separated consul.hashicorp.com/connect-service annotation): the Services in the inputs whose selectors select its pods, leaving out those labelled consul.hashicorp.com/service-ignore: \"true\". Reported when two or more remain, because connect-init registers the pod only when exactly one Consul service selects it.",
                "Services that are not among the inputs (a Helm-installed Service selecting the same pods is missed). Whether two Services in the inputs are one object written twice (alternative versions of one manifest in one folder are counted as two). Consul Enterprise and consul-k8s versions whose multi-port support differs.",
                "Keep one Service per mesh pod: label the others consul.hashicorp.com/service-ignore: \"true\", narrow their selectors, or set up the pod as multi-port as consul-k8s documents it.",
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
