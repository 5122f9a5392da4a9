using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        private static IEnumerable<RuleGuideEntry> Workload() => new[]
        {
            Entry(
                "MESH501",
                "Every ConfigMap a workload's pod template references and does not mark optional: env valueFrom.configMapKeyRef, envFrom.configMapRef, configMap volumes and configMap sources of projected volumes, in containers and init containers. Each is looked up among the ConfigMaps of the inputs in the workload's namespace, and a named key (configMapKeyRef key, volume items) in its data and binaryData. kube-root-ca.crt, which kube-controller-manager publishes in every namespace (Kubernetes 1.20 and later), is never reported.",
                "ConfigMaps created outside the inputs: by a Helm chart, a kustomize configMapGenerator (whose name gets a hash suffix), kubectl create configmap or an operator. " + NamespacelessObjects,
                "Create the ConfigMap (with the key) in the workload's namespace, correct the name or key in the pod template, or mark the reference optional: true if the pod can start without it.",
                "workload", "namespace", "config map", " [key '<key>']", "how it is referenced"),
            Entry(
                "MESH502",
                "Each call found in the configuration (see MESH104 for where calls are read) between a workload and a Service that selects workloads, where one side is in the mesh and the other is not (membership from the connect-inject annotation or Helm connectInject.default and connectInject.enabled). From outside into the mesh it is an Error: the destination's sidecar accepts only mTLS. It is not reported when the destination's permissive mTLS is in force (Consul 1.16 and later): its ServiceDefaults sets mutualTLSMode: permissive (or, when no ServiceDefaults of it sets a mode, ProxyDefaults does) and a Mesh resource among the inputs sets allowEnablingPermissiveMutualTLS: true. With permissive set but no Mesh resource among the inputs it is a Warning, since Consul refuses the permissive mode unless a Mesh entry allows it and one may be applied from elsewhere; with a Mesh resource that does not allow it, an Error. From the mesh out it is a Warning (the call leaves through Envoy's passthrough, without mTLS or intentions), and an Error when a Mesh resource among the inputs sets transparentProxy.meshDestinationsOnly: true. Reported once per caller and Service.",
                CallsNotSeen + "A ServiceDefaults, ProxyDefaults or Mesh entry that makes the destination permissive but is applied from outside the inputs (consul config write, another folder): a caller outside the mesh is then reported although its plaintext is accepted. Injection decided by Helm values that are not among the inputs, and the connect injector's namespaceSelector, which is not read (the k8sAllowNamespaces and k8sDenyNamespaces lists are; connectInject.default is assumed false). Ingress controllers and gateways deployed elsewhere that carry the traffic across the boundary.",
                "Put both sides in the mesh (consul.hashicorp.com/connect-inject: \"true\" on the pod template of the workload outside it), or, for a caller that must stay outside, route it through an ingress or API gateway, or let the destination take plaintext deliberately: mutualTLSMode: permissive in its ServiceDefaults and a Mesh entry with allowEnablingPermissiveMutualTLS: true (Consul 1.16 and later).",
                "caller", "callee", "which side is outside the mesh", "where the call is written", "consequence", "namespace", " [, or <the permissive-mTLS alternative>]"),
            Entry(
                "MESH503",
                "Each Deployment, StatefulSet, DaemonSet and ReplicaSet: every label of spec.selector.matchLabels must be on spec.template.metadata.labels with the same value, or the API server rejects the object.",
                "spec.selector.matchExpressions, which are not evaluated. Labels a mutating webhook or a templating step adds before the object reaches the API server.",
                "Make spec.selector.matchLabels a subset of spec.template.metadata.labels (the selector of an existing Deployment is immutable: change the template labels, or recreate the object).",
                "workload", "namespace", "selector", "template labels"),
            Entry(
                "MESH504",
                "Every NetworkPolicy among the inputs that selects the pods of a mesh workload, taken together as Kubernetes does (policies add up; policyTypes default to Ingress, plus Egress when egress rules are written; an empty peer or port list means all): egress must allow DNS (UDP 53) and the Consul servers (TCP 8502, and 8500 or 8501), and, for a pod that a mesh workload among the inputs calls or that an intention allows a source to reach, ingress must allow the sidecar's inbound port 20000. Gateway pods (consul.hashicorp.com/gateway-kind) are not judged. When a peer or port cannot be decided from the inputs (named ports, IP blocks, selectors that could match the Consul servers), the traffic is taken to be allowed.",
                "Where the Consul servers really run and on which ports (Helm values are not read for this), CNI plugins that do not enforce NetworkPolicy, cluster-wide policies of other kinds (Calico, Cilium), policies not among the inputs, and the extra inbound ports (20001 and up) of multi-port pods. Whether each caller's labels are allowed on port 20000, not only some caller.",
                "Add to a NetworkPolicy selecting the workload an egress rule for UDP and TCP 53 to kube-system and TCP 8502 and 8501 (or 8500) to the Consul servers, and an ingress rule for TCP 20000 from the pods that call it.",
                "workload", "namespace", "the policies", "what they do not allow", "consequences", "pod label selector"),
            Entry(
                "MESH601",
                "The text of each value in the data of every ConfigMap among the inputs, for a credential written in clear text inside it: a password in a URL (scheme://user:password@host), an Authorization header, a Bearer token, or a key=value, key: value or --flag value whose name says it holds a secret (password, token, api_key, secret, …) and whose value is not a reference (a variable, a *_FILE path) or already masked.",
                "Credentials that do not look like one inside the value: a ConfigMap key named like a secret is not itself judged (DB_PASSWORD: hunter2 is not reported, while DATABASE_URL: postgres://app:hunter2@db is), nor is an opaque token without a keyword. Values in binaryData, credentials written in pod templates' env values, and anything in Secrets (which is where they belong). Placeholder or demo passwords are reported like real ones.",
                "Move the credential into a Secret and reference it from the pod (env valueFrom.secretKeyRef, or a Secret volume), then rotate it, since it has been readable by anyone who can read ConfigMaps in the namespace.",
                "config map", "key", "credential kind", "namespace"),
        };
    }
}
