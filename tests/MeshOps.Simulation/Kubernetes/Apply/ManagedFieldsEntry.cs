using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>One entry of metadata.managedFields: a manager, how it wrote (Apply or Update), and the fields it owns.</summary>
public sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string Time, HashSet<FieldPath> Fields)
{
    /// <summary>How a conflict names the manager (printManager in kube-apiserver): an Update manager also says which version it wrote and when.</summary>
    public string Describe() => Operation == "Apply" ? $"\"{Manager}\"" : $"\"{Manager}\" using {ApiVersion} at {Time}";

    public bool SameManager(string manager, string operation) => Manager == manager && Operation == operation;

    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var entries = new List<ManagedFieldsEntry>();
        if (obj["metadata"]?["managedFields"] is not JsonArray list)
            return entries;
        foreach (var item in list.OfType<JsonObject>())
        {
            entries.Add(new ManagedFieldsEntry(
                (string?)item["manager"] ?? string.Empty,
                (string?)item["operation"] ?? "Update",
                (string?)item["apiVersion"] ?? string.Empty,
                (string?)item["time"] ?? string.Empty,
                FieldSet.FromFieldsV1(item["fieldsV1"] as JsonObject)));
        }

        return entries;
    }

    public static JsonArray Write(IEnumerable<ManagedFieldsEntry> entries) =>
        new(entries.Where(e => e.Fields.Count > 0).Select(e => (JsonNode)new JsonObject
        {
            ["manager"] = e.Manager,
            ["operation"] = e.Operation,
            ["apiVersion"] = e.ApiVersion,
            ["time"] = e.Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet.ToFieldsV1(e.Fields),
        }).ToArray());

    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
