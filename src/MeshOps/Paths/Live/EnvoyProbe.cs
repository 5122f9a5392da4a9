using MeshOps.Clients.Kubernetes;
using MeshOps.Envoy.Admin;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// Reads the Envoy of both ends: the source pod's sidecar (its upstream cluster for the destination, counters sampled
/// twice, certificates, log) and a destination pod's (counters, certificates, log), through a port-forward to the
/// admin port and the log API. Each sidecar is read once per tracer, both ends at once, so the sampling interval is
/// paid once per path and once per pod with -All.
/// </summary>
internal sealed class EnvoyProbe(KubernetesConnection cluster, LivePathOptions options) : ILiveHopProbe
{
    private readonly Dictionary<(string Namespace, string Pod), Task<EnvoySidecarData>> _reads = [];

    /// <summary>Few sidecars at a time: each holds a port-forward open for the sampling interval.</summary>
    private readonly SemaphoreSlim _concurrent = new(4);

    public PathHopName Hop => PathHopName.Envoy;

    public void Prefetch(ResolvedPath path, CancellationToken cancellationToken)
    {
        foreach (var pod in new[] { Sidecar(path.Context.Model, path.Context.Source), Sidecar(path.Context.Model, path.Context.Destination) }.OfType<PathPod>())
        {
            _ = ReadAsync(pod, cancellationToken);
        }
    }

    public async Task<HopJudgement> ProbeAsync(ResolvedPath path, CancellationToken cancellationToken)
    {
        var context = path.Context;
        if (Sidecar(context.Model, context.Source) is not { } sourcePod)
        {
            var why = $"no Running pod of {context.Source} with a sidecar, so no Envoy routes its calls";
            return new HopJudgement(PathHopStatus.Unknown, [why], why, "", $"kubectl get pods -n {context.Source.Namespace} -o wide");
        }

        var destinationPod = Sidecar(context.Model, context.Destination);
        var sourceRead = ReadAsync(sourcePod, cancellationToken);
        var destinationRead = destinationPod is null ? null : ReadAsync(destinationPod, cancellationToken);
        var source = await sourceRead.ConfigureAwait(false);
        var destination = destinationRead is null
            ? EnvoyReading<EnvoySidecarData>.Failed($"no Running pod of {context.Destination} with a sidecar to read")
            : EnvoyReading.Of(await destinationRead.ConfigureAwait(false));
        // On Enterprise a service's upstream cluster names its Consul namespace: another namespace's service of the
        // same name is another cluster.
        return EnvoyHopJudge.Judge(new EnvoyPathData(source, context.Destination.ConsulName, destination, DateTimeOffset.UtcNow)
        {
            SourceService = context.Source.ConsulName,
            DestinationConsulNamespace = context.Model.CallerNamespaces.Enterprise ? context.ConsulPlacement.Destination.Namespace : null,
        });
    }

    /// <summary>The end's first running pod that has a sidecar (the pod the user named first).</summary>
    private static PathPod? Sidecar(Model.MeshModel model, PathEnd end) =>
        end.Resolved ? PathPods.Running(model, end).FirstOrDefault(p => p.Sidecar is not null) : null;

    private Task<EnvoySidecarData> ReadAsync(PathPod pod, CancellationToken cancellationToken)
    {
        lock (_reads)
        {
            if (!_reads.TryGetValue((pod.Namespace, pod.Name), out var read))
            {
                read = ReadOnceAsync(pod, cancellationToken);
                _reads[(pod.Namespace, pod.Name)] = read;
            }

            return read;
        }
    }

    private async Task<EnvoySidecarData> ReadOnceAsync(PathPod pod, CancellationToken cancellationToken)
    {
        var container = pod.Sidecar ?? EnvoySidecarReader.LogContainer;
        await _concurrent.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            options.OnNote?.Invoke($"Envoy admin of pod {pod} port {options.AdminPort} (port-forward): /clusters, /stats twice {options.SampleInterval.TotalSeconds:0.##} s apart, /certs; log of container {container}");
            var log = EnvoySidecarReader.ReadLogAsync(cluster.Client, pod.Namespace, pod.Name, container, options.LogTailLines, cancellationToken);
            await using var admin = EnvoyAdminClient.ForPod(cluster, pod.Namespace, pod.Name, options.AdminPort);
            var data = await EnvoySidecarReader.ReadAdminAsync(admin, pod.Namespace, pod.Name, readClusters: true, options.SampleInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return data with { LogContainer = container, AdminPort = options.AdminPort, LogLines = await log.ConfigureAwait(false) };
        }
        finally
        {
            _concurrent.Release();
        }
    }
}
