using k8s;
using k8s.Models;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Envoy.Admin;

/// <summary>The pods whose sidecars a -Pod or -Service target asks, read from the cluster before any port-forward opens.</summary>
public static class EnvoyAdminTargets
{
    /// <summary>
    /// The running pods behind a Service's selector, by name: what kube-proxy and Consul's endpoints controller would
    /// send traffic to. A pod being deleted or not yet running has no sidecar to answer and is left out.
    /// </summary>
    /// <exception cref="EnvoyTargetException">The Service does not exist, has no selector, or selects no running pod.</exception>
    /// <exception cref="KubernetesRequestException">The API server could not be read.</exception>
    public static async Task<IReadOnlyList<string>> PodsOfServiceAsync(KubernetesConnection connection, string @namespace, string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(service);
        var target = $"{@namespace}/{service}";
        V1Service found;
        try
        {
            found = await connection.Client.CoreV1.ReadNamespacedServiceAsync(service, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && KubernetesErrors.IsNotFound(e))
        {
            throw new EnvoyTargetException(EnvoyTargetProblem.ServiceNotFound, target,
                $"There is no Service {target} in {connection.Describe()} (kubectl get services -n {@namespace}).");
        }
        catch (Exception e) when (e is not OperationCanceledException and not EnvoyTargetException)
        {
            throw KubernetesErrors.Map(e, connection, $"read service {target}");
        }

        var selector = found.Spec?.Selector;
        if (selector is null || selector.Count == 0)
        {
            throw new EnvoyTargetException(EnvoyTargetProblem.ServiceHasNoPods, target,
                $"The Service {target} has no selector, so no pod of its own: name its pods with -Pod instead.");
        }

        var labels = string.Join(",", selector.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        V1PodList pods;
        try
        {
            pods = await connection.Client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: labels, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw KubernetesErrors.Map(e, connection, $"list the pods of service {target}");
        }

        var running = pods.Items.Where(IsRunning).Select(p => p.Metadata.Name).Order(StringComparer.Ordinal).ToList();
        if (running.Count == 0)
        {
            throw new EnvoyTargetException(EnvoyTargetProblem.ServiceHasNoPods, target,
                $"No running pod of Service {target} to ask: {pods.Items.Count} pod(s) match its selector {labels}, none of them Running " +
                $"(kubectl get pods -n {@namespace} -l {labels}).");
        }

        return running;
    }

    /// <summary>Checks that a pod exists and runs, so a port-forward to it can answer (and its errors are not the API's).</summary>
    /// <exception cref="EnvoyTargetException">The pod does not exist or is not Running.</exception>
    /// <exception cref="KubernetesRequestException">The API server could not be read.</exception>
    public static async Task EnsurePodRunningAsync(KubernetesConnection connection, string @namespace, string pod, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        var target = $"{@namespace}/{pod}";
        V1Pod found;
        try
        {
            found = await connection.Client.CoreV1.ReadNamespacedPodAsync(pod, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && KubernetesErrors.IsNotFound(e))
        {
            throw new EnvoyTargetException(EnvoyTargetProblem.PodNotFound, target,
                $"There is no pod {target} in {connection.Describe()} (kubectl get pods -n {@namespace}).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw KubernetesErrors.Map(e, connection, $"read pod {target}");
        }

        if (!IsRunning(found))
        {
            var phase = found.Metadata.DeletionTimestamp is not null ? "being deleted" : found.Status?.Phase ?? "in no phase yet";
            throw new EnvoyTargetException(EnvoyTargetProblem.PodNotRunning, target,
                $"The pod {target} is {phase}, so its sidecar cannot answer (kubectl describe pod {pod} -n {@namespace}).");
        }
    }

    private static bool IsRunning(V1Pod pod) => pod.Status?.Phase == "Running" && pod.Metadata.DeletionTimestamp is null;
}
