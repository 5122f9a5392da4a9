using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The status consul-k8s' config-entry controllers write on each consul.hashicorp.com resource: Synced True once the
/// entry is written to Consul, or False with Consul's refusal (a ServiceIntentions that names one source twice). The
/// objects the cluster starts with carry a fixed time (so their output stays the same); a reconcile while it runs
/// stamps its own time, as consul-k8s' SetSyncedCondition and syncSuccessful stamp metav1.Now() (whole seconds).
/// </summary>
internal static class ConsulResourceStatus
{
    private const string StartedAt = "2026-01-05T09:00:00Z";

    public static bool IsConsulResource(JsonObject obj) => obj.Text("apiVersion")?.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal) == true;

    /// <summary>Writes the status and says whether Consul accepted the entry.</summary>
    public static bool Write(JsonObject obj)
    {
        var refusal = Refusal(obj);
        Set(obj, refusal is null ? "True" : "False", refusal is null ? null : "ConsulAgentError", refusal, StartedAt);
        return refusal is null;
    }

    /// <summary>Sets the Synced condition (True, False or Unknown) with the controller's reason and message, at <paramref name="at"/>.</summary>
    public static void Set(JsonObject obj, string synced, string? reason, string? message, string at)
    {
        var condition = new JsonObject
        {
            ["type"] = "Synced",
            ["status"] = synced,
            ["lastTransitionTime"] = at,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }

        var status = new JsonObject { ["conditions"] = new JsonArray(condition) };
        if (synced == "True")
        {
            status["lastSyncedTime"] = at;
        }

        obj["status"] = status;
    }

    /// <summary>The time now as metav1.Time writes it: RFC 3339 in UTC, whole seconds.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Consul's refusal of the entry (a ServiceIntentions naming one source twice), or null when it takes it.</summary>
    public static string? Refusal(JsonObject obj)
    {
        if (obj.Kind() != "ServiceIntentions")
        {
            return null;
        }

        var duplicate = (obj["spec"]?["sources"] as JsonArray ?? []).OfType<JsonObject>()
            .GroupBy(s => (s.Text("name"), s.Text("namespace"), s.Text("partition"), s.Text("peer")))
            .FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? null
            : $"writing config entry to consul: Unexpected response code: 500 (Config entry is invalid: Sources[1] defines \"{duplicate.Key.Item1}\" more than once)";
    }
}
