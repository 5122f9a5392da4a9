using k8s.Models;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH501: a ConfigMap or key that a workload mounts or references is not declared.</summary>
internal sealed class MissingConfigMap : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MissingConfigMap;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            foreach (var reference in ConfigMapReferences.Of(workload).Where(r => !r.Optional))
            {
                var found = model.ConfigMaps.TryGetValue(new ObjectKey(workload.Namespace, reference.Name), out var configMap);
                var missingKey = found && reference.Key is { } key && !HasKey(configMap!, key);
                if (found && !missingKey)
                {
                    continue;
                }

                yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField(reference.PodFieldPath),
                    [workload.Name, workload.Namespace, reference.Name, missingKey ? $" key '{reference.Key}'" : "", reference.Usage], []);
            }
        }
    }

    private static bool HasKey(ManifestResource configMap, string key) =>
        configMap.Model is V1ConfigMap map && ((map.Data?.ContainsKey(key) ?? false) || (map.BinaryData?.ContainsKey(key) ?? false));
}

/// <summary>
/// A reference from a pod spec to a ConfigMap (and optionally one key of it). The field is kept as a path, located
/// only when a finding needs it: most references are fine.
/// </summary>
internal sealed record ConfigMapReference(string Name, string? Key, bool Optional, string Usage, object[] PodFieldPath);

/// <summary>Lists every ConfigMap reference of a workload: volumes, envFrom and env valueFrom, in all containers.</summary>
internal static class ConfigMapReferences
{
    public static IEnumerable<ConfigMapReference> Of(Workload workload)
    {
        var spec = workload.PodSpec;
        for (var v = 0; v < (spec.Volumes?.Count ?? 0); v++)
        {
            if (spec.Volumes![v].ConfigMap is not { } source)
            {
                continue;
            }

            var usage = $"volume {spec.Volumes[v].Name}";
            if (source.Items is { Count: > 0 } items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    yield return new(source.Name, items[i].Key, source.Optional == true, usage, ["volumes", v, "configMap", "items", i, "key"]);
                }
            }
            else
            {
                yield return new(source.Name, null, source.Optional == true, usage, ["volumes", v, "configMap", "name"]);
            }
        }

        foreach (var (containers, field) in new[] { (spec.InitContainers, "initContainers"), (spec.Containers, "containers") })
        {
            for (var c = 0; c < (containers?.Count ?? 0); c++)
            {
                var container = containers![c];
                for (var e = 0; e < (container.EnvFrom?.Count ?? 0); e++)
                {
                    if (container.EnvFrom![e].ConfigMapRef is { } envFrom)
                    {
                        yield return new(envFrom.Name, null, envFrom.Optional == true, $"envFrom of container {container.Name}",
                            [field, c, "envFrom", e, "configMapRef", "name"]);
                    }
                }

                for (var e = 0; e < (container.Env?.Count ?? 0); e++)
                {
                    if (container.Env![e].ValueFrom?.ConfigMapKeyRef is { } keyRef)
                    {
                        yield return new(keyRef.Name, keyRef.Key, keyRef.Optional == true, $"env {container.Env[e].Name} of container {container.Name}",
                            [field, c, "env", e, "valueFrom", "configMapKeyRef", "name"]);
                    }
                }
            }
        }
    }
}
