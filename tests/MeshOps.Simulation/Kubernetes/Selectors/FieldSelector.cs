using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes.Api;

namespace MeshOps.Simulation.Kubernetes.Selectors;

/// <summary>
/// The <c>fieldSelector</c> query parameter: <c>field=value</c>, <c>field==value</c>, <c>field!=value</c>, joined by
/// commas. Every kind takes metadata.name and metadata.namespace; pods also take status.phase and spec.nodeName (the
/// fields the live snapshot and kubectl use). Any other field is refused as the real server refuses it.
/// </summary>
public sealed class FieldSelector
{
    private static readonly string[] CommonFields = ["metadata.name", "metadata.namespace"];
    private static readonly string[] PodFields = ["status.phase", "spec.nodeName"];

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Parse(string? text, ApiResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (string.IsNullOrWhiteSpace(text))
            return new FieldSelector([]);
        var terms = new List<(string, bool, string)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (field, equal, value) = Split(part);
            if (!CommonFields.Contains(field) && !(resource.Kind == "Pod" && PodFields.Contains(field)))
                throw StatusException.BadRequest($"field label not supported: {field}");
            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (ValueOf(obj, t.Field) == t.Value) == t.Equal);

    private static (string Field, bool Equal, string Value) Split(string term)
    {
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
                return (term[..at].Trim(), equal, term[(at + op.Length)..].Trim());
        }

        throw StatusException.BadRequest($"invalid selector: '{term}'; can't understand '{term}'");
    }

    private static string ValueOf(JsonObject obj, string field)
    {
        JsonNode? node = obj;
        foreach (var part in field.Split('.'))
            node = node?[part];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
    }
}
