using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes.Selectors;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// A list request answered as kube-apiserver answers it: selectors applied, objects ordered by namespace and name,
/// chunked by <c>limit</c> with an opaque <c>continue</c> token, wrapped in a <c>{Kind}List</c>.
/// </summary>
public static class ObjectLists
{
    public static JsonObject List(ObjectStore store, ApiResource resource, string? ns, string? labelSelector, string? fieldSelector, string? limit, string? continueToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resource);
        var labels = LabelSelector.Parse(labelSelector);
        var fields = FieldSelector.Parse(fieldSelector, resource);
        var resourceVersion = store.ResourceVersion;
        var matching = store.List(resource.Group, resource.Kind, ns).Where(o => labels.Matches(o) && fields.Matches(o)).ToList();

        var offset = DecodeContinue(continueToken);
        var size = ParseLimit(limit);
        var page = matching.Skip(offset).Take(size ?? int.MaxValue).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        var remaining = matching.Count - offset - page.Count;
        if (size is not null && remaining > 0)
        {
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture)));
            metadata["remainingItemCount"] = remaining;
        }

        var items = new JsonArray();
        foreach (var item in page)
        {
            if (!resource.IsCustom)
            {
                item.Remove("kind");
                item.Remove("apiVersion");
            }

            items.Add(item);
        }

        return new JsonObject
        {
            ["kind"] = resource.Kind + "List",
            ["apiVersion"] = resource.GroupVersion,
            ["metadata"] = metadata,
            ["items"] = items,
        };
    }

    private static int? ParseLimit(string? limit)
    {
        if (string.IsNullOrEmpty(limit))
            return null;
        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw StatusException.BadRequest($"invalid limit: {limit}");
        return value > 0 ? value : null;
    }

    private static int DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return 0;
        try
        {
            return int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw StatusException.BadRequest("continue key is not valid: illegal base64 data");
        }
    }
}
