using k8s;
using k8s.Models;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Sources.Live;

/// <summary>
/// Reads what is deployed into the <see cref="ManifestSet"/> the model is built from, as files are read: each kind
/// listed once per namespace (or once cluster-wide), never once per object; status comes with the objects. A kind
/// whose CRD is not installed is skipped with a note; a kind RBAC refuses is an error naming it while the others are
/// still read; a cluster that cannot be reached, or refuses the credentials, fails the whole snapshot.
/// </summary>
public static class LiveSnapshot
{
    public static async Task<ManifestSet> ReadAsync(KubernetesConnection connection, LiveSnapshotOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string?> namespaces = options.AllNamespaces
            ? [null]
            : options.Namespaces.Count > 0 ? [.. options.Namespaces.Distinct(StringComparer.Ordinal)] : [connection.Namespace];

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentRequests));
        var reader = new Reader(connection, gate, stop);

        var lists = namespaces.SelectMany(ns => LiveKinds.Namespaced.Select(kind => reader.ListAsync(kind, ns))).ToList();
        var meshWide = LiveKinds.MeshWide.Select(kind => reader.MeshWideAsync(kind, namespaces)).ToList();
        var namespaceObjects = reader.NamespacesAsync(namespaces);
        var injector = reader.InjectorAsync();

        var outcomes = new List<Outcome>();
        try
        {
            outcomes.AddRange(await Task.WhenAll(lists).ConfigureAwait(false));
            foreach (var each in await Task.WhenAll(meshWide).ConfigureAwait(false))
            {
                outcomes.AddRange(each);
            }

            outcomes.Add(await namespaceObjects.ConfigureAwait(false));
            outcomes.Add(await injector.ConfigureAwait(false));
        }
        catch (Exception) when (reader.Failure is { } failure && !ct.IsCancellationRequested)
        {
            // The first failure cancelled the rest; report it, not the cancellations it caused.
            throw failure;
        }

        return Assemble(outcomes, connection);
    }

    private static ManifestSet Assemble(List<Outcome> outcomes, KubernetesConnection connection)
    {
        var resources = new List<ManifestResource>();
        var errors = new List<LoadError>();
        var skipped = new List<SkippedDocument>();
        foreach (var outcome in outcomes)
        {
            errors.AddRange(outcome.Errors);
            skipped.AddRange(outcome.Notes);
            foreach (var item in outcome.Items)
            {
                var (resource, error) = item is ManifestResource ready ? (ready, null) : LiveResources.Read(item, connection.Context);
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

        return new ManifestSet(resources, errors) { Skipped = skipped };
    }

    /// <summary>What one request brought: objects (listed, or already resources), errors for the kinds refused, notes.</summary>
    private sealed record Outcome(IReadOnlyList<object> Items, IReadOnlyList<LoadError> Errors, IReadOnlyList<SkippedDocument> Notes)
    {
        public static Outcome Of(IReadOnlyList<object> items) => new(items, [], []);

        public static Outcome Error(LoadError error) => new([], [error], []);

        public static Outcome Note(SkippedDocument note) => new([], [], [note]);
    }

    private sealed class Reader(KubernetesConnection connection, SemaphoreSlim gate, CancellationTokenSource stop)
    {
        /// <summary>The first error that fails the snapshot (401, unreachable, a 5xx after retries).</summary>
        public KubernetesRequestException? Failure { get; private set; }

        public async Task<Outcome> ListAsync(LiveKind kind, string? ns)
        {
            try
            {
                return Outcome.Of(Sorted(await SendAsync(kind, ns, null, c => kind.InNamespace(connection.Client, ns, null, c)).ConfigureAwait(false)));
            }
            catch (Exception refused) when (KubernetesErrors.IsForbidden(refused))
            {
                return Outcome.Error(Forbidden(kind, ns, refused));
            }
            catch (Exception missing) when (KubernetesErrors.IsNotFound(missing))
            {
                return Outcome.Note(NotInstalled(kind));
            }
        }

        public async Task<IReadOnlyList<Outcome>> MeshWideAsync(LiveKind kind, IReadOnlyList<string?> namespaces)
        {
            try
            {
                return [Outcome.Of(Sorted(await SendAsync(kind, null, null, c => kind.AllNamespaces(connection.Client, null, null, c)).ConfigureAwait(false)))];
            }
            catch (Exception refused) when (KubernetesErrors.IsForbidden(refused) && namespaces[0] is not null)
            {
                // Allowed in the asked namespaces only: a Mesh or ProxyDefaults elsewhere (beside the servers) goes unseen.
                var note = Outcome.Note(new SkippedDocument(
                    Kind(kind, null),
                    $"{kind.Kind} cannot be listed across namespaces on {connection.Describe()}, so only the asked namespaces were read for it; one in another namespace (usually Consul's) is not seen"));
                var inNamespaces = await Task.WhenAll(namespaces.Select(ns => ListAsync(kind, ns))).ConfigureAwait(false);
                return [note, .. inNamespaces];
            }
            catch (Exception missing) when (KubernetesErrors.IsNotFound(missing))
            {
                return [Outcome.Note(NotInstalled(kind))];
            }
        }

        public async Task<Outcome> NamespacesAsync(IReadOnlyList<string?> namespaces)
        {
            const string request = "namespaces";
            if (namespaces[0] is null)
            {
                var all = await SendAsync(null, null, $"list {request}", async c => (IReadOnlyList<object>)[.. (await connection.Client.CoreV1.ListNamespaceAsync(cancellationToken: c).ConfigureAwait(false)).Items.Select(Stamp)]).ConfigureAwait(false);
                return Outcome.Of(Sorted(all));
            }

            var items = new List<object>();
            var errors = new List<LoadError>();
            foreach (var ns in namespaces.OfType<string>())
            {
                try
                {
                    var one = await SendAsync(null, null, $"get namespace {ns}", async c => (IReadOnlyList<object>)[Stamp(await connection.Client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: c).ConfigureAwait(false))]).ConfigureAwait(false);
                    items.AddRange(one);
                }
                catch (Exception missing) when (KubernetesErrors.IsNotFound(missing))
                {
                    errors.Add(new LoadError(LoadErrorIds.NamespaceNotFound, new SourceLocation($"Namespace/{ns}", 0, 0), $"The namespace '{ns}' does not exist on {connection.Describe()}."));
                }
                catch (Exception refused) when (KubernetesErrors.IsForbidden(refused))
                {
                    // Reading the objects in it may still be allowed; only its labels (transparent proxy) go unseen.
                    errors.Add(new LoadError(LoadErrorIds.KubernetesForbidden, new SourceLocation($"Namespace/{ns}", 0, 0), KubernetesErrors.Map(refused, connection, $"get namespace {ns}").Message));
                }
            }

            return new Outcome(items, errors, []);
        }

        /// <summary>The connect-inject webhook's Deployment, wherever it runs, read for the settings its flags set.</summary>
        public async Task<Outcome> InjectorAsync()
        {
            var deployments = LiveKinds.Deployments;
            try
            {
                var found = await SendAsync(deployments, null, null, c => deployments.AllNamespaces(connection.Client, null, InjectorFlags.LabelSelector, c)).ConfigureAwait(false);
                var flags = found.OfType<V1Deployment>()
                    .OrderBy(d => d.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(d => d.Metadata.Name, StringComparer.Ordinal)
                    .Select(d => InjectorFlags.Read(d, connection.Context)).OfType<ManifestResource>().FirstOrDefault();
                return flags is null
                    ? Outcome.Note(new SkippedDocument(new SourceLocation($"deployments -l {InjectorFlags.LabelSelector}", 0, 0), $"no connect-inject Deployment runs on {connection.Describe()}: mesh settings come from the consul-k8s chart defaults"))
                    : Outcome.Of([flags]);
            }
            catch (Exception refused) when (KubernetesErrors.IsForbidden(refused))
            {
                return Outcome.Note(new SkippedDocument(
                    new SourceLocation($"deployments -l {InjectorFlags.LabelSelector}", 0, 0),
                    $"the connect-inject Deployment cannot be listed across namespaces on {connection.Describe()}: mesh settings come from the consul-k8s chart defaults unless the asked namespaces hold it"));
            }
        }

        private async Task<IReadOnlyList<object>> SendAsync(LiveKind? kind, string? ns, string? request, Func<CancellationToken, Task<IReadOnlyList<object>>> send)
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                return await send(stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                if (KubernetesErrors.IsForbidden(ex) || KubernetesErrors.IsNotFound(ex))
                {
                    throw;
                }

                var failure = KubernetesErrors.Map(ex, connection, request ?? Describe(kind!, ns));
                lock (stop)
                {
                    Failure ??= failure;
                }

                await stop.CancelAsync().ConfigureAwait(false);
                throw failure;
            }
            finally
            {
                gate.Release();
            }
        }

        private LoadError Forbidden(LiveKind kind, string? ns, Exception refused) =>
            new(LoadErrorIds.KubernetesForbidden, Kind(kind, ns), KubernetesErrors.Map(refused, connection, Describe(kind, ns)).Message + $" Its {kind.Kind} objects were not analysed.");

        private SkippedDocument NotInstalled(LiveKind kind) =>
            new(Kind(kind, null), $"{kind.Plural}.{kind.Group} is not served by {connection.Describe()} (its CRD is not installed), so there are no {kind.Kind} objects to read");

        private static SourceLocation Kind(LiveKind kind, string? ns) => new(ns is null ? kind.Kind : $"{kind.Kind} in namespace {ns}", 0, 0);

        private static string Describe(LiveKind kind, string? ns) =>
            $"list {kind.Plural}{(kind.Group.Length == 0 ? string.Empty : $".{kind.Group}")} " + (ns is null ? "across all namespaces" : $"in namespace {ns}");

        private static object Stamp(V1Namespace item)
        {
            item.ApiVersion = "v1";
            item.Kind = "Namespace";
            return item;
        }

        private static IReadOnlyList<object> Sorted(IReadOnlyList<object> items) =>
            [.. items.OrderBy(NamespaceOf, StringComparer.Ordinal).ThenBy(NameOf, StringComparer.Ordinal)];

        private static string NamespaceOf(object item) => Metadata(item)?.NamespaceProperty ?? string.Empty;

        private static string NameOf(object item) => Metadata(item)?.Name ?? string.Empty;

        private static V1ObjectMeta? Metadata(object item) => item switch
        {
            IKubernetesObject<V1ObjectMeta> typed => typed.Metadata,
            RawObject raw => raw.Json.TryGetProperty("metadata", out var m) ? new V1ObjectMeta
            {
                Name = m.TryGetProperty("name", out var n) ? n.GetString() : null,
                NamespaceProperty = m.TryGetProperty("namespace", out var s) ? s.GetString() : null,
            } : null,
            _ => null,
        };
    }
}
