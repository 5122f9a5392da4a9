using MeshOps.Clients.Kubernetes;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources.Live;

/// <summary>
/// Reads the consul.hashicorp.com custom resources of a cluster, and nothing else (no Secrets, no workloads), into the
/// same typed objects a manifest or a builder gives, each with the <c>status</c> consul-k8s wrote on it: one list
/// request per kind and namespace (or per kind across all namespaces), as <see cref="LiveSnapshot"/> lists them. A kind
/// whose CRD is not installed is a note; a kind RBAC refuses is an error while the others are still read; a cluster that
/// cannot be reached, or refuses the credentials, throws <see cref="KubernetesRequestException"/>.
/// </summary>
public static class LiveConsulConfig
{
    /// <summary>The consul.hashicorp.com kinds MeshOps reads, as <c>kind:</c> spells them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [.. KindRegistry.Kinds
            .Where(k => k.ApiVersion.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal) && k.ApiVersion != ConsulHelmValues.ApiVersion)
            .Select(k => k.Kind)];

    /// <exception cref="ArgumentException">A kind that is not one of <see cref="Kinds"/>.</exception>
    /// <exception cref="KubernetesRequestException">The cluster cannot be reached or refused the credentials.</exception>
    public static async Task<ManifestSet> ReadAsync(KubernetesConnection connection, LiveConsulConfigOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var unknown = options.Kinds.FirstOrDefault(k => !Kinds.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is not a consul.hashicorp.com kind MeshOps reads ({string.Join(", ", Kinds)}).", nameof(options));
        }

        IReadOnlyList<string?> namespaces = options.AllNamespaces
            ? [null]
            : options.Namespaces.Count > 0 ? [.. options.Namespaces.Distinct(StringComparer.Ordinal)] : [connection.Namespace];
        var kinds = KindRegistry.Kinds
            .Where(k => (options.Kinds.Count == 0 ? Kinds : options.Kinds).Contains(k.Kind, StringComparer.Ordinal) && k.ApiVersion != ConsulHelmValues.ApiVersion
                && k.ApiVersion.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal))
            .Select(k => LiveKind.Custom(k.ApiVersion, k.Kind, LiveKinds.Plural(k.Kind)))
            .ToList();

        var resources = new List<ManifestResource>();
        var errors = new List<LoadError>();
        var skipped = new List<SkippedDocument>();
        foreach (var kind in kinds)
        {
            foreach (var ns in namespaces)
            {
                IReadOnlyList<object> items;
                try
                {
                    items = await kind.InNamespace(connection.Client, ns, null, ct).ConfigureAwait(false);
                }
                catch (Exception refused) when (KubernetesErrors.IsForbidden(refused))
                {
                    errors.Add(new LoadError(LoadErrorIds.KubernetesForbidden, Where(kind, ns), KubernetesErrors.Map(refused, connection, Request(kind, ns)).Message));
                    continue;
                }
                catch (Exception missing) when (KubernetesErrors.IsNotFound(missing))
                {
                    skipped.Add(new SkippedDocument(Where(kind, null), $"{kind.Plural}.{kind.Group} is not served by {connection.Describe()} (its CRD is not installed)"));
                    break;
                }
                catch (Exception failed) when (failed is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    throw KubernetesErrors.Map(failed, connection, Request(kind, ns));
                }

                foreach (var item in items)
                {
                    var (resource, error) = LiveResources.Read(item, connection.Context);
                    if (resource is not null)
                    {
                        resources.Add(resource);
                    }

                    if (error is not null)
                    {
                        errors.Add(error);
                    }
                }
            }
        }

        return new ManifestSet(
            [.. resources.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)],
            errors) { Skipped = skipped };
    }

    private static SourceLocation Where(LiveKind kind, string? ns) => new(ns is null ? kind.Kind : $"{kind.Kind} in namespace {ns}", 0, 0);

    private static string Request(LiveKind kind, string? ns) =>
        $"list {kind.Plural}.{kind.Group} " + (ns is null ? "across all namespaces" : $"in namespace {ns}");
}
