using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>Where tab completion reads names: the objects of some manifests, or a cluster asked once with a short budget.</summary>
internal abstract class CompletionNames
{
    /// <summary>
    /// How long one Tab waits for a cluster: a prompt that stalls on Tab is worse than no completion, and an API
    /// server on a working connection answers a list of services in a fraction of this.
    /// </summary>
    public static readonly TimeSpan ClusterBudget = TimeSpan.FromSeconds(1);

    public abstract IEnumerable<string> Services();

    public abstract IEnumerable<string> Namespaces();

    /// <summary>The metadata.name of the consul.hashicorp.com objects of these kinds (ServiceIntentions, ServiceDefaults...).</summary>
    public abstract IEnumerable<string> ConsulObjects(IReadOnlyList<string> kinds);

    public static CompletionNames FromManifests(IReadOnlyList<string> paths) => new Manifests(paths);

    /// <param name="allNamespaces">Objects of every namespace (-AllNamespaces), not only those of <paramref name="namespace"/>.</param>
    public static CompletionNames FromCluster(string? kubeconfig, string? context, string? @namespace, bool allNamespaces = false) =>
        new Cluster(kubeconfig, context, @namespace, allNamespaces);

    private sealed class Manifests(IReadOnlyList<string> paths) : CompletionNames
    {
        private readonly Lazy<IReadOnlyList<ManifestResource>> _resources =
            new(() => paths.Count == 0 ? [] : ManifestLoader.LoadPaths(paths, LoaderOptions.Default).Resources);

        public override IEnumerable<string> Services() =>
            _resources.Value.Where(r => r is { ApiVersion: "v1", Kind: "Service" }).Select(r => r.Name);

        // An object written without a namespace lands in the one kubectl applies it to, "default" unless told otherwise.
        public override IEnumerable<string> Namespaces() =>
            _resources.Value.Where(r => r is { ApiVersion: "v1", Kind: "Namespace" }).Select(r => r.Name)
                .Concat(_resources.Value.Select(r => r.Namespace ?? "default"));

        public override IEnumerable<string> ConsulObjects(IReadOnlyList<string> kinds) =>
            _resources.Value
                .Where(r => r.ApiVersion.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal) && kinds.Contains(r.Kind, StringComparer.Ordinal))
                .Select(r => r.Name);
    }

    private sealed class Cluster(string? kubeconfig, string? context, string? @namespace, bool allNamespaces) : CompletionNames
    {
        public override IEnumerable<string> Services() =>
            Ask("services", ClusterNames.ServicesAsync);

        public override IEnumerable<string> Namespaces() =>
            Ask("namespaces", ClusterNames.NamespacesAsync);

        // The read Get-MeshConfig itself makes; a kind whose CRD is not installed is a note there and no names here.
        public override IEnumerable<string> ConsulObjects(IReadOnlyList<string> kinds) =>
            Ask($"{string.Join(",", kinds)} {(allNamespaces ? "all namespaces" : "")}", async (connection, ct) =>
            {
                var read = await LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions { Kinds = kinds, AllNamespaces = allNamespaces }, ct).ConfigureAwait(false);
                return [.. read.Resources.Select(r => r.Name)];
            });

        /// <summary>
        /// The cluster's answer if it comes within the budget; else nothing now, and the answer, once it arrives, for
        /// the next Tab. The first request of a session also pays for opening the connection, which can take longer.
        /// </summary>
        private IReadOnlyList<string> Ask(string what, Func<KubernetesConnection, CancellationToken, Task<IReadOnlyList<string>>> list)
        {
            var answer = ClusterAnswers.For($"{kubeconfig}\n{context}\n{@namespace}\n{what}", () => Task.Run(async () =>
            {
                // One attempt, no retries, and an end to it: a request left running must not outlive the user's interest.
                var timeouts = ClientTimeouts.Default with { AttemptTimeout = ClusterAnswers.RequestLimit, TotalTimeout = ClusterAnswers.RequestLimit, MaxRetries = 0 };
                using var connection = KubernetesConnection.Create(new KubernetesConnectionOptions
                {
                    Kubeconfig = kubeconfig,
                    Context = context,
                    Namespace = @namespace,
                    Timeouts = timeouts,
                });
                using var limit = new CancellationTokenSource(ClusterAnswers.RequestLimit);
                return await list(connection, limit.Token).ConfigureAwait(false);
            }));
            return answer.Wait(ClusterBudget) ? answer.Result : [];
        }
    }
}
