using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// Everything the simulated cluster holds once the manifests are applied and the controllers have run: the API
/// objects, the pods with what the catalog and Envoy need, the Consul resources Consul accepted, and what kubectl apply
/// was refused.
/// </summary>
public sealed record ClusterContents(
    IReadOnlyList<JsonObject> Objects,
    IReadOnlyList<SimulatedPod> Pods,
    IReadOnlyList<JsonObject> ConsulEntries,
    IReadOnlyList<string> RefusedApplies)
{
    /// <summary>Applies HashiCups (with the seeded fault, if any) to a fresh cluster with consul-k8s installed.</summary>
    public static ClusterContents Build(SimulatedClusterOptions options, string caPem)
    {
        ArgumentNullException.ThrowIfNull(options);
        var addresses = new KubeNames.Addresses();
        var refused = new List<string>();
        var applied = ManifestApplier.Apply(HashiCupsManifests.Read(options.SeededFault), options.Namespace, addresses, refused);
        var namespaces = applied.Select(o => o.Namespace()).OfType<string>().Append(options.Namespace).Append(ConsulInstallation.Namespace)
            .Append("kube-system").Append("kube-public").Append("kube-node-lease");
        var workloads = applied.Where(o => o.Kind() is "Deployment" or "StatefulSet" or "DaemonSet" or "Service").Select(o => o.Name()).ToHashSet(StringComparer.Ordinal);
        if (options.RuntimeFaults.FirstOrDefault(f => !workloads.Contains(f.Service)) is { } unknown)
        {
            throw new ArgumentException(
                $"The runtime fault {unknown.Kind} names '{unknown.Service}', which HashiCups does not run; its workloads are: {string.Join(", ", workloads.Order(StringComparer.Ordinal))}.",
                nameof(options));
        }

        var system = SystemObjects.For(namespaces, caPem).ToList();
        var consul = ManifestApplier.Apply(ConsulInstallation.Objects(options.ConsulNamespaceMirroringPrefix), ConsulInstallation.Namespace, addresses, refused);
        var objects = system.Concat(consul).Concat(applied).ToList();

        var controller = new WorkloadController("sim-node-1", addresses, ConsulInstallation.Injector, options.RuntimeFaults);
        controller.Reconcile(objects);
        var services = objects.Where(o => o.Kind() == "Service").ToList();
        var endpoints = EndpointsController.Reconcile(services, controller.Pods).ToList();

        var protocols = ConsulResourceStatus.ProtocolsOf(objects);
        var accepted = objects.Where(ConsulResourceStatus.IsConsulResource).Where(o => ConsulResourceStatus.Write(o, protocols)).ToList();
        // Through JSON text once, so every value reads as the API server's JSON would, whichever CLR type wrote it.
        return new ClusterContents(
            [.. objects.Concat(controller.Created).Concat(endpoints).Select(Normalize)],
            [.. controller.Pods.Select(p => p with { Object = Normalize(p.Object) })],
            [.. accepted.Select(Normalize)],
            refused);
    }

    private static JsonObject Normalize(JsonObject obj) => (JsonObject)JsonNode.Parse(obj.ToJsonString())!;
}
