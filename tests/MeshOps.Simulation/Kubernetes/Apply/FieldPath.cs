using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>
/// A path to a field, in the tokens of managedFields' FieldsV1: <c>f:spec</c> for a map field, <c>k:{"name":"web"}</c>
/// for an item of an associative list. Equal by value, so sets of paths compare as structured-merge-diff's do.
/// </summary>
public sealed record FieldPath(string Tokens)
{
    private const char Separator = '\n';

    public static FieldPath Root { get; } = new(string.Empty);

    public IReadOnlyList<string> Elements => Tokens.Length == 0 ? [] : Tokens.Split(Separator);

    /// <summary>True when the path names a list item itself rather than a field in it.</summary>
    public bool IsItem => Elements.Count > 0 && Elements[^1].StartsWith("k:", StringComparison.Ordinal);

    public FieldPath Field(string name) => Append("f:" + name);

    public FieldPath Item(JsonObject key) => Append("k:" + key.ToJsonString());

    /// <summary>As structured-merge-diff prints a path in conflicts: <c>.spec.template.spec.containers[name="web"].image</c>.</summary>
    public override string ToString() => string.Concat(Elements.Select(e => e.StartsWith("f:", StringComparison.Ordinal)
        ? "." + e[2..]
        : "[" + string.Join(",", ((JsonObject)JsonNode.Parse(e[2..])!).Select(p => $"{p.Key}={p.Value!.ToJsonString()}")) + "]"));

    private FieldPath Append(string token) => new(Tokens.Length == 0 ? token : Tokens + Separator + token);
}
