using k8s.Models;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Typed;

namespace MeshOps.Authoring;

/// <summary>The objects a <see cref="MeshDefinition{TMesh}"/> builds, by kind and in document order.</summary>
public sealed class MeshResources
{
    internal MeshResources(
        IReadOnlyList<object> all,
        IReadOnlyList<V1Service> services,
        IReadOnlyList<V1ServiceAccount> serviceAccounts,
        IReadOnlyList<V1Deployment> deployments,
        IReadOnlyList<ServiceDefaults> serviceDefaults,
        IReadOnlyList<ServiceIntentions> serviceIntentions)
    {
        All = all;
        Services = services;
        ServiceAccounts = serviceAccounts;
        Deployments = deployments;
        ServiceDefaults = serviceDefaults;
        ServiceIntentions = serviceIntentions;
    }

    /// <summary>Every object in document order: per service its Service, ServiceAccount, ServiceDefaults and Deployment, then the intentions.</summary>
    public IReadOnlyList<object> All { get; }

    /// <summary>One Service per mesh service, with its port mappings.</summary>
    public IReadOnlyList<V1Service> Services { get; }

    /// <summary>One ServiceAccount per mesh service, named after it.</summary>
    public IReadOnlyList<V1ServiceAccount> ServiceAccounts { get; }

    /// <summary>One connect-injected Deployment per mesh service.</summary>
    public IReadOnlyList<V1Deployment> Deployments { get; }

    /// <summary>One ServiceDefaults per mesh service, with its protocol.</summary>
    public IReadOnlyList<ServiceDefaults> ServiceDefaults { get; }

    /// <summary><c>deny-all</c> when declared, then one ServiceIntentions per destination.</summary>
    public IReadOnlyList<ServiceIntentions> ServiceIntentions { get; }

    /// <summary>The objects as multi-document YAML (deterministic: same mesh, same bytes).</summary>
    public string ToYaml() => ManifestYamlWriter.Write(All);

    /// <summary>
    /// The objects as manifests for <c>MeshAnalyzer.Analyze</c>, with no YAML in between: each object is its own model,
    /// located by <paramref name="sourceName"/> and its kind and name.
    /// </summary>
    public ManifestSet ToManifestSet(string sourceName = "typed mesh") => TypedObjectSource.Read(All, sourceName);
}
