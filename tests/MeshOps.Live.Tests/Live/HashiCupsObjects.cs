using System.Text.Json.Nodes;
using k8s;
using MeshOps.Consul.Helm;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Tests;

namespace MeshOps.Live.Tests.Live;

/// <summary>
/// The HashiCups example as files (healthy, with one seeded fault laid over it as its README says) and as objects
/// applied to the simulated API server, so a test can analyse the same manifests both ways.
/// </summary>
internal static class HashiCupsObjects
{
    public static string Healthy => RepoPaths.Combine("examples", "hashicups", "healthy");

    public static IEnumerable<string> Faults =>
        Directory.GetDirectories(RepoPaths.Combine("examples", "hashicups", "faults")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The files of the healthy set with <paramref name="fault"/>'s files replacing those of the same name.</summary>
    public static IReadOnlyList<string> Files(string? fault)
    {
        var faultFiles = fault is null ? [] : Directory.GetFiles(RepoPaths.Combine("examples", "hashicups", "faults", fault));
        var replaced = faultFiles.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.GetFiles(Healthy).Where(f => !replaced.Contains(Path.GetFileName(f))).Concat(faultFiles).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Applies the files' objects to the store as kubectl apply would (a namespace-less object in default; the Namespace
    /// objects the cluster would have). Helm values are not objects a cluster holds and are left out.
    /// </summary>
    public static ManifestSet Apply(ObjectStore store, IReadOnlyList<string> files)
    {
        var loaded = ManifestLoader.LoadPaths(files);
        Assert.Empty(loaded.Errors);
        foreach (var ns in loaded.Resources.Select(r => r.Namespace ?? "default").Append("default").Distinct(StringComparer.Ordinal))
        {
            store.Put(Json($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}"""));
        }

        foreach (var resource in loaded.Resources.Where(r => r.Model is not null and not ConsulHelmValues))
        {
            var json = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(resource.Model))!;
            json["apiVersion"] = resource.ApiVersion;
            json["kind"] = resource.Kind;
            var metadata = (JsonObject)json["metadata"]!;
            metadata["namespace"] ??= resource.Namespace ?? "default";
            if (resource.Kind == "Namespace")
            {
                metadata.Remove("namespace");
            }

            store.Put(json);
        }

        return loaded;
    }

    public static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;
}
