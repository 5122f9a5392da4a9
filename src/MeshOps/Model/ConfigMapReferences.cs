using k8s.Models;

namespace MeshOps.Model;

/// <summary>How a pod spec uses a ConfigMap.</summary>
public enum ConfigMapUse
{
    /// <summary><c>env[].valueFrom.configMapKeyRef</c>: one key as one variable.</summary>
    EnvValueFrom,

    /// <summary><c>envFrom[].configMapRef</c>: every key as a variable.</summary>
    EnvFrom,

    /// <summary><c>volumes[].configMap</c>: keys as files.</summary>
    Volume,

    /// <summary><c>volumes[].projected.sources[].configMap</c>: keys as files, beside other sources.</summary>
    ProjectedVolume,
}

/// <summary>A container of a pod spec, by the list it is in and its index there.</summary>
public sealed record PodContainer(string Name, int Index, bool IsInit)
{
    public string Field => IsInit ? "initContainers" : "containers";

    public override string ToString() => IsInit ? $"init container {Name}" : $"container {Name}";
}

/// <summary>
/// One reference from a pod spec to a ConfigMap, and to one key of it when the reference names a key (a configMapKeyRef
/// or a volume item). The field is kept as a path, located only when someone needs it: most references are fine.
/// </summary>
public sealed record ConfigMapReference
{
    public required string Name { get; init; }

    /// <summary>The key named by a configMapKeyRef or a volume item; null when the reference takes every key.</summary>
    public string? Key { get; init; }

    /// <summary>Kubernetes' <c>optional</c>: the ConfigMap (or its key) need not exist.</summary>
    public bool Optional { get; init; }

    public required ConfigMapUse Use { get; init; }

    /// <summary>The container for env and envFrom; null for volumes, which belong to the pod.</summary>
    public PodContainer? Container { get; init; }

    /// <summary>Index of the env var, envFrom entry or volume in its list.</summary>
    public required int Index { get; init; }

    /// <summary>The env var's name, or the volume's; null for envFrom.</summary>
    public string? EntryName { get; init; }

    /// <summary>Path from the pod spec to the field that names the ConfigMap or the key.</summary>
    public required IReadOnlyList<object> PodFieldPath { get; init; }

    /// <summary>
    /// Path from the pod spec to the field that names the ConfigMap: where a missing ConfigMap is reported, once for all
    /// the items of a volume that mounts it (<see cref="PodFieldPath"/> when that already names it).
    /// </summary>
    public IReadOnlyList<object> NameFieldPath { get => field ?? PodFieldPath; init; }

    /// <summary>How the pod uses it, for messages: "env LOG_LEVEL of container api", "volume config".</summary>
    public string Usage => Use switch
    {
        ConfigMapUse.EnvValueFrom => $"env {EntryName} of {Container}",
        ConfigMapUse.EnvFrom => $"envFrom of {Container}",
        ConfigMapUse.Volume => $"volume {EntryName}",
        _ => $"projected volume {EntryName}",
    };
}

/// <summary>
/// The one walk of a pod spec for the ConfigMaps it uses: env valueFrom, envFrom (init and regular containers) and
/// volumes, plain or projected. Container references come container by container, env before envFrom, each in
/// list order; volume references come last.
/// </summary>
public static class ConfigMapReferences
{
    public static IEnumerable<ConfigMapReference> Of(Workload workload) => Of(workload.PodSpec);

    public static IEnumerable<ConfigMapReference> Of(V1PodSpec spec) =>
        Containers(spec.InitContainers, isInit: true).Concat(Containers(spec.Containers, isInit: false)).Concat(Volumes(spec.Volumes));

    private static IEnumerable<ConfigMapReference> Containers(IList<V1Container>? containers, bool isInit)
    {
        for (var c = 0; c < (containers?.Count ?? 0); c++)
        {
            var container = new PodContainer(containers![c].Name, c, isInit);
            var env = containers[c].Env ?? [];
            for (var e = 0; e < env.Count; e++)
            {
                if (env[e].ValueFrom?.ConfigMapKeyRef is { } keyRef)
                {
                    yield return new ConfigMapReference
                    {
                        Name = keyRef.Name ?? "", Key = keyRef.Key, Optional = keyRef.Optional == true, Use = ConfigMapUse.EnvValueFrom,
                        Container = container, Index = e, EntryName = env[e].Name,
                        PodFieldPath = [container.Field, c, "env", e, "valueFrom", "configMapKeyRef", "name"],
                    };
                }
            }

            var envFrom = containers[c].EnvFrom ?? [];
            for (var e = 0; e < envFrom.Count; e++)
            {
                if (envFrom[e].ConfigMapRef is { } configMapRef)
                {
                    yield return new ConfigMapReference
                    {
                        Name = configMapRef.Name ?? "", Optional = configMapRef.Optional == true, Use = ConfigMapUse.EnvFrom,
                        Container = container, Index = e,
                        PodFieldPath = [container.Field, c, "envFrom", e, "configMapRef", "name"],
                    };
                }
            }
        }
    }

    private static IEnumerable<ConfigMapReference> Volumes(IList<V1Volume>? volumes)
    {
        for (var v = 0; v < (volumes?.Count ?? 0); v++)
        {
            var volume = volumes![v];
            if (volume.ConfigMap is { } source)
            {
                foreach (var reference in Projection(source.Name, source.Optional, source.Items, ConfigMapUse.Volume, v, volume.Name, ["volumes", v, "configMap"]))
                {
                    yield return reference;
                }
            }

            var sources = volume.Projected?.Sources ?? [];
            for (var s = 0; s < sources.Count; s++)
            {
                if (sources[s].ConfigMap is { } projected)
                {
                    foreach (var reference in Projection(projected.Name, projected.Optional, projected.Items, ConfigMapUse.ProjectedVolume, v, volume.Name,
                        ["volumes", v, "projected", "sources", s, "configMap"]))
                    {
                        yield return reference;
                    }
                }
            }
        }
    }

    /// <summary>A ConfigMap as files: one reference per item when items are listed (each names a key), else one for every key.</summary>
    private static IEnumerable<ConfigMapReference> Projection(string? name, bool? optional, IList<V1KeyToPath>? items, ConfigMapUse use, int volume, string volumeName, object[] path)
    {
        if (items is not { Count: > 0 })
        {
            yield return new ConfigMapReference
            {
                Name = name ?? "", Optional = optional == true, Use = use, Index = volume, EntryName = volumeName, PodFieldPath = [.. path, "name"],
            };
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            yield return new ConfigMapReference
            {
                Name = name ?? "", Key = items[i].Key, Optional = optional == true, Use = use, Index = volume, EntryName = volumeName,
                PodFieldPath = [.. path, "items", i, "key"], NameFieldPath = [.. path, "name"],
            };
        }
    }
}
