using System.Text.Json.Nodes;

namespace MeshOps.Clients.Consul;

/// <summary>
/// A config entry from /v1/config: its kind and name typed, the rest kept as Consul's JSON (each kind has its own
/// fields; MeshOps.Consul's kinds read them when a caller needs them typed).
/// </summary>
public sealed record ConsulConfigEntry(string Kind, string Name, JsonObject Json)
{
    public ulong CreateIndex => Json["CreateIndex"] is JsonValue value && value.TryGetValue<ulong>(out var index) ? index : 0;

    public ulong ModifyIndex => Json["ModifyIndex"] is JsonValue value && value.TryGetValue<ulong>(out var index) ? index : 0;

    internal static ConsulConfigEntry From(JsonObject json) =>
        new(json["Kind"]?.GetValue<string>() ?? "", json["Name"]?.GetValue<string>() ?? "", json);
}
