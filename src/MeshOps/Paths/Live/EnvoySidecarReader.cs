using k8s;
using k8s.Autorest;
using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Certificates;
using MeshOps.Envoy.Clusters;
using MeshOps.Envoy.Stats;
using MeshOps.Secrets;

namespace MeshOps.Paths.Live;

/// <summary>
/// Fills an <see cref="EnvoySidecarData"/> the way the <c>Envoy</c> hop needs it: from one sidecar's admin (clusters
/// when asked, two counter samples, certificates) and the Kubernetes log API. Each part fails on its own, with the
/// error's message as its reason, so one refused request leaves the other checks their data.
/// </summary>
internal static class EnvoySidecarReader
{
    /// <summary>The container consul-k8s 1.x injects as the sidecar (consul-dataplane runs Envoy in it).</summary>
    public const string LogContainer = "consul-dataplane";

    /// <summary>
    /// Only the counters the hop watches, in one request per sample (Envoy's RE2 <c>filter=</c>, partial match):
    /// a sidecar's full stats run to thousands of lines.
    /// </summary>
    private const string WatchedCounters = @"upstream_cx_connect_fail|upstream_cx_none_healthy|\.ssl\.(connection_error|fail_verify)|rbac\.denied|update_rejected";

    public static async Task<EnvoySidecarData> ReadAdminAsync(
        IEnvoyAdmin admin, string @namespace, string pod, bool readClusters, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(time);
        var clusters = readClusters
            ? await Attempt(async () => EnvoyClustersJsonParser.Parse(admin.Source, (await admin.GetAsync("/clusters?format=json", cancellationToken).ConfigureAwait(false)).Body)).ConfigureAwait(false)
            : null;
        var stats = await Attempt(() => SamplesAsync(admin, interval, time, cancellationToken)).ConfigureAwait(false);
        var certificates = await Attempt(async () =>
            EnvoyCertificatesParser.Parse(admin.Source, (await admin.GetAsync("/certs", cancellationToken).ConfigureAwait(false)).Body, time.GetUtcNow())).ConfigureAwait(false);
        return new EnvoySidecarData(pod, @namespace) { Clusters = clusters, Stats = stats, Certificates = certificates };
    }

    /// <summary>
    /// The last <paramref name="tailLines"/> lines of the sidecar container's log, oldest first. The container is the
    /// pod's own sidecar: consul-dataplane on consul-k8s 1.x, envoy-sidecar before 1.0 (asking a pod for a container
    /// it does not have is a 400).
    /// </summary>
    public static async Task<EnvoyReading<IReadOnlyList<string>>> ReadLogAsync(IKubernetes kubernetes, string @namespace, string pod, string container, int tailLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        try
        {
            using var stream = await kubernetes.CoreV1.ReadNamespacedPodLogAsync(pod, @namespace, container: container, tailLines: tailLines, cancellationToken: cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                lines.Add(line);
            return EnvoyReading.Of<IReadOnlyList<string>>(lines);
        }
        catch (HttpOperationException e)
        {
            return EnvoyReading<IReadOnlyList<string>>.Failed(SecretRedactor.Redact($"the log API answered {(int)e.Response.StatusCode} for pod {@namespace}/{pod} container {container}: {KubernetesErrors.StatusMessage(e.Response.Content) ?? e.Response.Content}"));
        }
        // The connection's resilient pipeline turns what is still failing after its retries (5xx, 429, a timeout, a
        // dropped connection) into an EndpointException; a stream cut mid-log is an IOException.
        catch (Exception e) when (e is HttpRequestException or EndpointException or IOException)
        {
            return EnvoyReading<IReadOnlyList<string>>.Failed(SecretRedactor.Redact($"the log API could not be read for pod {@namespace}/{pod}: {e.Message}"));
        }
    }

    private static async Task<EnvoyStatsSamples> SamplesAsync(IEnvoyAdmin admin, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var first = await CountersAsync(admin, cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        var second = await CountersAsync(admin, cancellationToken).ConfigureAwait(false);
        return new EnvoyStatsSamples(first, second, time.GetElapsedTime(started));
    }

    private static async Task<IReadOnlyList<EnvoyStatistic>> CountersAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var request = EnvoyStatsQuery.Requests(EnvoyStatsFormat.Json, WatchedCounters, usedOnly: false).Single(r => r.NumberType == EnvoyStatisticType.Counter);
        var answer = await admin.GetAsync(request.PathAndQuery, cancellationToken).ConfigureAwait(false);
        return EnvoyStatsQuery.Read(admin.Source, [(request, answer.Body)]);
    }

    private static async Task<EnvoyReading<T>> Attempt<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return EnvoyReading<T>.Read(await read().ConfigureAwait(false));
        }
        catch (Exception e) when (e is EndpointException or EnvoyFormatException)
        {
            return EnvoyReading<T>.Failed(SecretRedactor.Redact(e.Message));
        }
    }
}
