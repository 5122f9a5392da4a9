using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What <c>kubectl apply -f</c> and the API server make of the manifests: the namespace filled in, server defaults
/// (a Service's cluster IP, protocol and targetPort; a Secret's stringData moved to base64 data), and a later copy of
/// an object replacing the earlier one, unless an admission webhook refuses the change (consul-k8s refuses a
/// ServiceIntentions update that changes spec.destination, so the first copy stays).
/// </summary>
internal static class ManifestApplier
{
    private const string ConsulGroup = "consul.hashicorp.com";

    public static List<JsonObject> Apply(IEnumerable<JsonObject> manifests, string ns, KubeNames.Addresses addresses, ICollection<string> refused)
    {
        var applied = new List<JsonObject>();
        foreach (var manifest in manifests)
        {
            var obj = (JsonObject)manifest.DeepClone();
            if (obj.Kind() is not ("Namespace" or "ClusterRole" or "ClusterRoleBinding" or "CustomResourceDefinition"))
            {
                obj.Child("metadata")["namespace"] ??= ns;
            }

            var existing = applied.FindIndex(o => SameObject(o, obj));
            if (existing >= 0)
            {
                if (RefusedUpdate(applied[existing], obj) is { } reason)
                {
                    refused.Add(reason);
                    continue;
                }

                applied[existing] = Defaults(obj, addresses, applied[existing]);
                continue;
            }

            applied.Add(Defaults(obj, addresses, null));
        }

        return applied;
    }

    private static bool SameObject(JsonObject a, JsonObject b) =>
        a.Kind() == b.Kind() && a.Name() == b.Name() && a.Namespace() == b.Namespace() && ApiGroup(a) == ApiGroup(b);

    private static string ApiGroup(JsonObject obj) => obj.Text("apiVersion") is { } v && v.Contains('/', StringComparison.Ordinal) ? v[..v.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>consul-k8s' validating webhook (serviceintentions_webhook.go) refuses a change of destination on update.</summary>
    private static string? RefusedUpdate(JsonObject current, JsonObject update) =>
        current.Kind() == "ServiceIntentions" && ApiGroup(current) == ConsulGroup
        && current.Text("spec", "destination", "name") != update.Text("spec", "destination", "name")
            ? $"ServiceIntentions/{update.Namespace()}/{update.Name()}: admission webhook \"mutate-serviceintentions.consul.hashicorp.com\" denied the request: spec.destination.name: Invalid value: \"{update.Text("spec", "destination", "name")}\": field is immutable"
            : null;

    private static JsonObject Defaults(JsonObject obj, KubeNames.Addresses addresses, JsonObject? previous)
    {
        switch (obj.Kind())
        {
            case "Service":
                ServiceDefaults(obj, addresses, previous);
                break;
            case "Secret":
                SecretData(obj);
                break;
        }

        return obj;
    }

    private static void ServiceDefaults(JsonObject service, KubeNames.Addresses addresses, JsonObject? previous)
    {
        var spec = service.Child("spec");
        spec["type"] ??= "ClusterIP";
        if (spec["clusterIP"] is null)
        {
            spec["clusterIP"] = previous.Text("spec", "clusterIP") ?? addresses.NextClusterIp();
        }

        spec["clusterIPs"] = new JsonArray(spec["clusterIP"]!.DeepClone());
        spec["sessionAffinity"] ??= "None";
        spec["internalTrafficPolicy"] ??= "Cluster";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }

        service["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    private static void SecretData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        var data = secret.Child("data");
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value.Text() ?? ""));
        }

        secret.Remove("stringData");
    }
}
