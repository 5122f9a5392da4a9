using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        // Shared by the runtime rules: what status they read, and that manifests have none.
        private const string StatusOnly =
            "Only status the cluster reported: a live cluster (Test-MeshConfig without -Path) or a dump with status (kubectl get -o yaml). Manifests carry no status, so on files these rules say nothing, which is no pass. The status is as of the moment it was read: a pod that is restarting or starting up may be reported while it recovers. ";

        private static IEnumerable<RuleGuideEntry> Runtime() => new[]
        {
            Entry(
                "MESH901",
                "The pods of each workload (those its selector selects in its namespace, or the Pod itself): a container (not an init container, not the mesh sidecar) that the kubelet reports waiting with a reason (CrashLoopBackOff, CreateContainerConfigError, ImagePullBackOff, …) or terminated, or a pod in phase Failed. One finding per workload, at its first such pod, listing each pod with the container, the reason and its restart count.",
                StatusOnly + "Why the container stops: its log and the pod's events say, MeshOps does not read them.",
                "Read the container's previous log and the pod's events, and fix the cause they name: a crash of the app, a missing ConfigMap or Secret, an image that cannot be pulled, a command that exits.",
                "workload", "namespace", "how many pods", "each pod, container and reason", "pod label selector"),
            Entry(
                "MESH902",
                "The pods of each mesh workload: the injected proxy container (consul-dataplane, or envoy-sidecar on consul-k8s before 1.0), as a container or a native sidecar (an init container that keeps running), that the kubelet reports not ready. One finding per workload, at its first such pod.",
                StatusOnly + "Why the sidecar is not ready (Consul servers unreachable, an ACL login refused, no registration): its log says.",
                "Read the sidecar's log and fix what it names: reachability of the Consul servers on 8502, the ACL auth method and the pod's ServiceAccount, or the Service that registers the pod.",
                "workload", "namespace", "how many pods", "each pod and its sidecar", "pod label selector", "sidecar container"),
            Entry(
                "MESH903",
                "Each Service with a selector whose Endpoints or EndpointSlices the cluster reported: reported when no address is ready and at least one is not ready, that is, pods are behind the Service but none can take traffic. A Service with no address at all is left to MESH101 and MESH102, which name why no pod is selected.",
                StatusOnly + "Services backed by endpoints no selector makes (hand-written Endpoints) are not judged.",
                "Find why the pods behind the Service are not ready (readiness probe, a container or the sidecar down) and fix that; the other runtime findings name the pods.",
                "service", "namespace", "not-ready addresses", "what the other runtime findings say"),
        };
    }
}
