using System.Text;

namespace MeshOps.Sources.Files;

/// <summary>Converts System.Text.Json error paths (<c>$.spec.ports[0]['my.key']</c>) to field path segments and back to text.</summary>
internal static class JsonPathSegments
{
    public static IReadOnlyList<object> Parse(string? jsonPath)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(jsonPath) || jsonPath[0] != '$')
            return segments;
        var i = 1;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = jsonPath.IndexOfAny(['.', '['], i + 1);
                if (end < 0)
                    end = jsonPath.Length;
                segments.Add(jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (jsonPath.AsSpan(i).StartsWith("['"))
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                    break;
                segments.Add(jsonPath[(i + 2)..end]);
                i = end + 2;
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(jsonPath.AsSpan(i + 1, end - i - 1), out var index))
                    break;
                segments.Add(index);
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }

    /// <summary>kubectl-style text: <c>spec.ports[0].targetPort</c>.</summary>
    public static string Format(IReadOnlyList<object> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
                text.Append('[').Append(index).Append(']');
            else
                text.Append(text.Length > 0 ? "." : "").Append(segment);
        }
        return text.ToString();
    }
}
