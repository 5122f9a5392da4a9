using MeshOps.Rules.Catalog;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// A mesh workload's token settings: its pod template's automountServiceAccountToken and its ServiceAccount's
    /// (null where not written, or where no ServiceAccount of that name is declared); whether Consul's ACLs are on
    /// (null when nothing read says) and how that was decided, for the message.
    /// </summary>
    public sealed record TokenMount(
        string Workload,
        string WorkloadDisplay,
        string Namespace,
        string LabelSelector,
        MeshMembership Membership,
        bool? PodSetting,
        string ServiceAccount,
        bool? ServiceAccountSetting,
        bool? AclsEnabled,
        string Acls);

    /// <summary>Which setting keeps the token out: the pod template's own, or its ServiceAccount's.</summary>
    public enum TokenSetBy
    {
        PodTemplate,
        ServiceAccount,
    }

    /// <summary>
    /// MESH402: the ServiceAccount token is not mounted into a mesh pod (pod spec or its ServiceAccount). Only the ACL
    /// login needs the token: with an auth method (ACLs on) the consul-k8s mesh webhook looks for the token's volume
    /// mount and, finding none, refuses the pod ("unable to find service account token volumeMount", mesh_webhook.go);
    /// with ACLs off nothing reads it. So: an Error with ACLs on, a Warning when nothing read says whether they are,
    /// and nothing when they are known to be off.
    /// </summary>
    public static class ServiceAccountTokenNotMountedCheck
    {
        public sealed record Hit(TokenSetBy SetBy, RuleVerdict Verdict);

        /// <summary>What the message says of ACLs when nothing read sets them (the typed mesh writes no Helm values either).</summary>
        public const string AclsNotKnown = "not known, no consul-k8s Helm values or injector among what was read";

        public static Hit? Check(TokenMount facts)
        {
            if (!facts.Membership.InMesh || facts.AclsEnabled == false)
            {
                return null;
            }

            if (facts.PodSetting == false)
            {
                return new Hit(TokenSetBy.PodTemplate, Verdict(facts, "the pod template of " + facts.WorkloadDisplay));
            }

            // The pod's own setting wins over its ServiceAccount's (Kubernetes admission).
            if (facts.PodSetting is null && facts.ServiceAccountSetting == false)
            {
                return new Hit(TokenSetBy.ServiceAccount, Verdict(facts, "ServiceAccount " + facts.ServiceAccount + ", used by " + facts.WorkloadDisplay));
            }

            return null;
        }

        private static RuleVerdict Verdict(TokenMount facts, string where) =>
            new RuleVerdict(
                RuleCatalog.ServiceAccountTokenNotMounted,
                new object[] { facts.Workload, facts.Namespace, where, facts.LabelSelector, facts.Membership.Origin, facts.Acls },
                facts.AclsEnabled == true ? (Severity?)null : Severity.Warning);
    }
}
