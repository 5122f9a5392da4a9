using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        private static IEnumerable<RuleGuideEntry> Identity() => new[]
        {
            Entry(
                "MESH401",
                "Each workload whose pods are in the mesh: its pod template's serviceAccountName against the ServiceAccounts among the inputs in the same namespace. The \"default\" ServiceAccount is never reported, since Kubernetes creates it in every namespace. When the inputs declare no ServiceAccount at all in that namespace, the finding is at most a Warning and states its assumption: that the inputs hold every ServiceAccount of the namespace.",
                "ServiceAccounts created outside the inputs: by a Helm chart, an operator, kubectl create serviceaccount, or a manifest in another folder. " + NamespacelessObjects,
                "Create the ServiceAccount in the workload's namespace (named after the Consul service, see MESH403), or point serviceAccountName at one that exists.",
                "workload", "namespace", "service account", "why it is in the mesh"),
            Entry(
                "MESH402",
                "Each workload whose pods are in the mesh: automountServiceAccountToken: false on its pod template, or, when the pod template leaves it unset, on the ServiceAccount it runs as (found among the inputs). The pod's own setting wins, as in Kubernetes. Only Consul's ACL login reads the token: with ACLs on (global.acls.manageSystemACLs in the consul-k8s Helm values among the inputs, -AclsEnabled, or a live injector's -acl-auth-method) the mesh webhook refuses a pod with no token mounted and no pod is created, an Error; when nothing read says whether ACLs are on, a Warning that says so; with ACLs known to be off, nothing.",
                "ServiceAccounts that are not among the inputs (their setting is unknown, so nothing is reported). A token mounted by other means, such as a projected serviceAccountToken volume at the standard path, which makes the setting harmless.",
                "Remove automountServiceAccountToken: false from the pod template or the ServiceAccount (or set it to true) for workloads in the mesh.",
                "workload", "namespace", "where automount is disabled", "pod label selector", "why it is in the mesh", "whether ACLs are on"),
            Entry(
                "MESH403",
                "Each mesh workload that a Service selects or that carries a consul.hashicorp.com/connect-service annotation: its serviceAccountName against the Consul service name it registers as (the connect-service annotation, else the first Service selecting it that is not labelled service-ignore). With ACLs enabled, connect-init's login refuses a mismatch. Warning when ACLs are off; Error when they are on (-AclsEnabled, or global.acls.manageSystemACLs in Helm values among the inputs).",
                "ACL settings kept outside the inputs: with no Helm values given, ACLs are assumed off and the finding stays a Warning, although the pod will not start on a cluster with ACLs. Services that select the pod but are not among the inputs, which could change the name it registers as.",
                "Run the workload as a ServiceAccount named exactly like its Consul service, or rename the service (Service name or connect-service annotation) to match the ServiceAccount.",
                "workload", "namespace", "service account", "Consul service name", "ACLs enabled and where that is set", "connect-init's error"),
        };
    }
}
