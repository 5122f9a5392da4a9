using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// The Catalog hop from Consul's answers. Envoy finds the destination only through the catalog, so a destination with
/// no mesh instance, or none passing its checks, is where the call stops (Envoy answers "no healthy upstream"). Consul
/// enforcing another intention decision than the one the manifests give is reported: a deny Consul enforces breaks
/// the call whatever the files say (Fail); an allow the files do not grant is a drift to look at (Warn).
/// </summary>
internal static class CatalogHopJudge
{
    public static HopJudgement Judge(CatalogData data)
    {
        var namespaceFlag = data.DestinationNamespace is { } ns ? $" -namespace={ns}" : "";
        var healthCommand = $"consul catalog nodes -service={data.Destination}{namespaceFlag} -detailed; curl -s \"$CONSUL_HTTP_ADDR/v1/health/connect/{data.Destination}{data.NamespaceQuery}\"";
        var checkCommand = data.DestinationNamespace is null
            ? $"consul intention check {data.Source} {data.Destination}"
            : $"consul intention check {data.SourceNamespace}/{data.Source} {data.DestinationNamespace}/{data.Destination}";
        var via = data.Via is null ? "" : $" (through a port-forward to pod {data.Via})";
        if (data.Instances is null)
        {
            return new HopJudgement(
                PathHopStatus.Unknown,
                [$"Consul could not be read{via}: {data.Problem ?? "no answer"}"],
                "Consul could not be read",
                "Make Consul reachable (set CONSUL_HTTP_ADDR and CONSUL_HTTP_TOKEN, or check the consul-server pods), then trace again.",
                healthCommand);
        }

        var evidence = new List<string>();
        var catalog = JudgeInstances(data, evidence, via);
        var intentions = JudgeIntentions(data, evidence);
        if (catalog is { } failed)
        {
            return failed with { Evidence = evidence, Confirm = healthCommand };
        }

        return intentions is { } disagreement
            ? disagreement with { Evidence = evidence, Confirm = checkCommand }
            : new HopJudgement(PathHopStatus.Pass, evidence, "", "", healthCommand);
    }

    /// <summary>Null when the catalog holds a passing instance; else the failing judgement (evidence goes to the list).</summary>
    private static HopJudgement? JudgeInstances(CatalogData data, List<string> evidence, string via)
    {
        var instances = data.Instances!;
        if (instances.Count == 0 && data.TokenRefused)
        {
            // Consul answers 200 with an empty list, not 403, for instances the token may not read: with the same token
            // refused elsewhere on this path, the empty answer is the token's view, not the catalog.
            evidence.Add($"GET /v1/health/connect/{data.Destination}{data.NamespaceQuery}{via} returned no instance, and Consul refused this token another read of the path (403): it hides from a token the instances its ACL policy cannot read");
            return new HopJudgement(
                PathHopStatus.Unknown,
                [],
                $"Consul shows this token no instance of {data.Destination} (ACLs may hide them)",
                $"Trace again with a Consul token that has service:read on {data.Destination} and node:read (CONSUL_HTTP_TOKEN or CONSUL_HTTP_TOKEN_FILE).",
                "");
        }

        if (instances.Count == 0)
        {
            evidence.Add($"GET /v1/health/connect/{data.Destination}{data.NamespaceQuery}{via} returned no instance: Consul's catalog has no sidecar proxy for {data.Destination}, so no Envoy can route to it");
            return new HopJudgement(
                PathHopStatus.Fail,
                [],
                $"{data.Destination} is not in Consul's catalog",
                $"consul-k8s registers a pod once it runs with connect-inject and a Service selects it: check that the Service selects the pods, that they are Ready, and the endpoints controller's log (kubectl logs -n consul deploy/consul-connect-injector | grep {data.Destination}).",
                "");
        }

        var passing = instances.Where(i => i.AggregatedStatus == "passing").ToList();
        foreach (var instance in instances)
        {
            var failing = instance.Checks.Where(c => c.Status != "passing").Select(c => $"{c.Name} {c.Status}{(string.IsNullOrWhiteSpace(c.Output) ? "" : $": {c.Output.Trim()}")}");
            evidence.Add($"catalog: {instance.Service.Id} on node {instance.Node.Node} at {instance.Service.Address}:{instance.Service.Port} is {instance.AggregatedStatus}{Join(failing)}");
        }

        if (passing.Count > 0)
        {
            return null;
        }

        // Consul gives Envoy warning instances as healthy unless a service-resolver sets OnlyPassing (agent/xds
        // endpoints: only a critical check, or a warning one under OnlyPassing, makes an endpoint unhealthy).
        var warning = instances.Count(i => i.AggregatedStatus == "warning");
        return warning > 0
            ? new HopJudgement(
                PathHopStatus.Warn,
                [],
                $"{warning} of the {instances.Count} instance(s) of {data.Destination} in Consul's catalog are in warning, none passing",
                $"Envoy still routes to instances in warning (unless a service-resolver for {data.Destination} sets OnlyPassing): see the warning check's output above.",
                "")
            : new HopJudgement(
                PathHopStatus.Fail,
                [],
                $"none of the {instances.Count} instance(s) of {data.Destination} in Consul's catalog passes its health checks",
                $"Consul sends traffic only to passing instances: make the pods of {data.Destination} Ready (kubectl get pods) and see the failing check's output above.",
                "");
    }

    /// <summary>Null when Consul and the manifests agree (or Consul's answer was not read); else the disagreement.</summary>
    private static HopJudgement? JudgeIntentions(CatalogData data, List<string> evidence)
    {
        if (data.ConsulAllows is not { } consul)
        {
            evidence.Add($"Consul's intention check could not be read: {data.Problem ?? "no answer"}");
            return null;
        }

        evidence.Add($"GET /v1/connect/intentions/check?source={data.Source}&destination={data.Destination}: Allowed={(consul ? "true" : "false")}");
        var agreement = IntentionComparison.Compare(consul, data.Ours);
        if (agreement is not (IntentionAgreement.ConsulAllows or IntentionAgreement.ConsulDenies) || data.Ours is not { } ours)
        {
            return null;
        }

        evidence.Add($"our evaluation of the cluster's ServiceIntentions: {(ours.Allowed ? "allow" : "deny")} ({ours.Explanation})");
        var (summary, fix) = IntentionComparison.Disagreement(agreement, data.Source, data.Destination);
        return new HopJudgement(agreement == IntentionAgreement.ConsulAllows ? PathHopStatus.Warn : PathHopStatus.Fail, [], summary, fix, "");
    }

    private static string Join(IEnumerable<string> failing)
    {
        var list = failing.ToList();
        return list.Count == 0 ? "" : $" ({string.Join("; ", list)})";
    }
}
