using MeshOps.Rules.Catalog;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// A mesh workload's token settings: its pod template's automountServiceAccountToken and its ServiceAccount's
    /// (null where not written, or where no ServiceAccount of that name is declared).
    /// </summary>
    public sealed record TokenMount(
        string Workload,
        string WorkloadDisplay,
        string Namespace,
        string LabelSelector,
        MeshMembership Membership,
        bool? PodSetting,
        string ServiceAccount,
        bool? ServiceAccountSetting);

    /// <summary>Which setting keeps the token out: the pod template's own, or its ServiceAccount's.</summary>
    public enum TokenSetBy
    {
        PodTemplate,
        ServiceAccount,
    }

    /// <summary>MESH402: the ServiceAccount token is not mounted into a mesh pod (pod spec or its ServiceAccount).</summary>
    public static class ServiceAccountTokenNotMountedCheck
    {
        public sealed record Hit(TokenSetBy SetBy, RuleVerdict Verdict);

        public static Hit? Check(TokenMount facts)
        {
            if (!facts.Membership.InMesh)
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
                new object[] { facts.Workload, facts.Namespace, where, facts.LabelSelector, facts.Membership.Origin });
    }
}
