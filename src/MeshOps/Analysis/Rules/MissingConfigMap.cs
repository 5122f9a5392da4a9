using k8s.Models;
using MeshOps.Sources;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH501: a ConfigMap or key that a workload mounts or references is not declared.</summary>
internal sealed class MissingConfigMap : IMeshRule
{
    /// <summary>
    /// kube-controller-manager's root-ca-cert-publisher writes this ConfigMap into every namespace (Kubernetes 1.20+,
    /// projected service account volumes read it), so no manifest declares it and its absence proves nothing.
    /// </summary>
    private const string ClusterPublishedConfigMap = "kube-root-ca.crt";

    public RuleDescriptor Descriptor => RuleCatalog.MissingConfigMap;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            // A volume mounting a missing ConfigMap with several items is one fault, on the line naming the ConfigMap.
            var missingReported = new HashSet<(string, ConfigMapUse, int)>();
            foreach (var reference in ConfigMapReferences.Of(workload).Where(r => !r.Optional))
            {
                var found = model.ConfigMaps.TryGetValue(new ObjectKey(workload.Namespace, reference.Name), out var configMap);
                if (!found && reference.Name == ClusterPublishedConfigMap)
                {
                    continue;
                }

                var missingKey = found && reference.Key is { } key && !HasKey(configMap!, key);
                if ((found && !missingKey) || (!found && !missingReported.Add((reference.Name, reference.Use, reference.Index))))
                {
                    continue;
                }

                var path = found ? reference.PodFieldPath : reference.NameFieldPath;
                yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField([.. path]),
                    [workload.Name, workload.Namespace, reference.Name, missingKey ? $" key '{reference.Key}'" : "", reference.Usage], []);
            }
        }
    }

    private static bool HasKey(ManifestResource configMap, string key) =>
        configMap.Model is V1ConfigMap map && ((map.Data?.ContainsKey(key) ?? false) || (map.BinaryData?.ContainsKey(key) ?? false));
}
