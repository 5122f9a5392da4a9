using System.Text.Json;

namespace MeshOps.Publishing;

/// <summary>
/// A 409 from server-side apply: another field manager owns fields the apply would change. Read from the Status the API
/// server answers with (details.causes, one FieldManagerConflict per field), as kubectl prints it.
/// </summary>
public sealed record ApplyConflict(string Message, IReadOnlyList<ConflictingField> Fields)
{
    /// <summary>The conflict in the Status body, or null when the body is no Status with conflict causes.</summary>
    public static ApplyConflict? Read(string? statusBody)
    {
        if (string.IsNullOrWhiteSpace(statusBody))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(statusBody);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
            var fields = new List<ConflictingField>();
            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object
                && details.TryGetProperty("causes", out var causes) && causes.ValueKind == JsonValueKind.Array)
            {
                foreach (var cause in causes.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
                {
                    var field = Text(cause, "field");
                    var said = Text(cause, "message");
                    if (field is not null && said is not null)
                    {
                        fields.Add(new ConflictingField(Manager(said), field));
                    }
                }
            }

            return fields.Count == 0 && message.Length == 0 ? null : new ApplyConflict(message, fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // kube-apiserver words each cause 'conflict with "<manager>"' and, for an Update manager, ' using <apiVersion>'.
    private static string Manager(string cause)
    {
        var open = cause.IndexOf('"', StringComparison.Ordinal);
        var close = open < 0 ? -1 : cause.IndexOf('"', open + 1);
        return close > open ? cause[(open + 1)..close] : cause;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One field another manager owns: the manager's name and the field path (.spec.sources[name="web"].action).</summary>
public sealed record ConflictingField(string Manager, string Field)
{
    public override string ToString() => $"{Field} (owned by \"{Manager}\")";
}
