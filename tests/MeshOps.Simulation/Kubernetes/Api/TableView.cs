using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// The meta.k8s.io/v1 Table kube-apiserver answers when a client asks <c>Accept: application/json;as=Table;...</c>
/// (plain <c>kubectl get</c>): the columns of the server's printers for pods, deployments and services, NAME and AGE
/// for the rest, each row carrying the object's metadata so kubectl can add NAMESPACE with -A.
/// </summary>
public static class TableView
{
    public static bool Wanted(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Of(ApiResource resource, IEnumerable<JsonObject> objects, JsonObject listMetadata, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(objects);
        var columns = Columns(resource.Kind);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray(Cells(resource.Kind, obj, now).ToArray());
            rows.Add(new JsonObject
            {
                ["cells"] = cells,
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                },
            });
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata.DeepClone(),
            ["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Name == "Name" ? "name" : string.Empty,
                ["description"] = c.Name,
                ["priority"] = c.Priority,
            }).ToArray()),
            ["rows"] = rows,
        };
    }

    private static List<(string Name, string Type, int Priority)> Columns(string kind) => kind switch
    {
        "Pod" => [("Name", "string", 0), ("Ready", "string", 0), ("Status", "string", 0), ("Restarts", "string", 0), ("Age", "string", 0), ("IP", "string", 1), ("Node", "string", 1)],
        "Deployment" => [("Name", "string", 0), ("Ready", "string", 0), ("Up-to-date", "integer", 0), ("Available", "integer", 0), ("Age", "string", 0)],
        "Namespace" => [("Name", "string", 0), ("Status", "string", 0), ("Age", "string", 0)],
        "Service" => [("Name", "string", 0), ("Type", "string", 0), ("Cluster-IP", "string", 0), ("External-IP", "string", 0), ("Port(s)", "string", 0), ("Age", "string", 0)],
        _ => [("Name", "string", 0), ("Age", "string", 0)],
    };

    private static IEnumerable<JsonNode?> Cells(string kind, JsonObject obj, DateTimeOffset now)
    {
        var name = (string?)obj["metadata"]?["name"] ?? string.Empty;
        var age = Age(obj, now);
        var spec = obj["spec"];
        var status = obj["status"];
        return kind switch
        {
            "Pod" => PodCells(name, age, obj),
            "Deployment" =>
            [
                name,
                $"{Int(status?["readyReplicas"])}/{(spec?["replicas"] is null ? 1 : Int(spec["replicas"]))}",
                Int(status?["updatedReplicas"]),
                Int(status?["availableReplicas"]),
                age,
            ],
            "Service" =>
            [
                name,
                (string?)spec?["type"] ?? "ClusterIP",
                (string?)spec?["clusterIP"] ?? "<none>",
                "<none>",
                spec?["ports"] is JsonArray ports && ports.Count > 0
                    ? string.Join(",", ports.Select(p => $"{Int(p?["port"])}/{(string?)p?["protocol"] ?? "TCP"}"))
                    : "<none>",
                age,
            ],
            "Namespace" => [name, (string?)status?["phase"] ?? "Active", age],
            _ => [name, age],
        };
    }

    /// <summary>READY, STATUS and RESTARTS as kubectl's pod printer derives them (a waiting container's reason wins).</summary>
    private static JsonNode?[] PodCells(string name, string age, JsonObject pod)
    {
        var statuses = pod["status"]?["containerStatuses"] as JsonArray ?? [];
        var total = (pod["spec"]?["containers"] as JsonArray)?.Count ?? statuses.Count;
        var ready = statuses.Count(s => (bool?)s?["ready"] == true);
        var restarts = statuses.Sum(s => Int(s?["restartCount"]));
        var reason = (string?)pod["status"]?["reason"] ?? (string?)pod["status"]?["phase"] ?? "Unknown";
        foreach (var status in statuses)
        {
            if ((string?)status?["state"]?["waiting"]?["reason"] is { Length: > 0 } waiting)
                reason = waiting;
            else if ((string?)status?["state"]?["terminated"]?["reason"] is { Length: > 0 } terminated)
                reason = terminated;
        }

        if (pod["metadata"]?["deletionTimestamp"] is not null)
            reason = "Terminating";
        return [name, $"{ready}/{total}", reason, restarts.ToString(CultureInfo.InvariantCulture), age,
            (string?)pod["status"]?["podIP"] ?? "<none>", (string?)pod["spec"]?["nodeName"] ?? "<none>"];
    }

    private static int Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;

    /// <summary>k8s.io/apimachinery duration.HumanDuration, as the AGE column shows it.</summary>
    private static string Age(JsonObject obj, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse((string?)obj["metadata"]?["creationTimestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            return "<unknown>";
        var age = now - created;
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero;
        var seconds = (long)age.TotalSeconds;
        var minutes = (long)age.TotalMinutes;
        var hours = (long)age.TotalHours;
        var days = (long)age.TotalDays;
        return seconds switch
        {
            < 120 => $"{seconds}s",
            _ when minutes < 10 => seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s",
            _ when minutes < 180 => $"{minutes}m",
            _ when hours < 8 => minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m",
            _ when hours < 48 => $"{hours}h",
            _ when hours < 192 => hours % 24 == 0 ? $"{days}d" : $"{days}d{hours % 24}h",
            _ when days < 730 => $"{days}d",
            _ => $"{days / 365}y{days % 365}d",
        };
    }
}
