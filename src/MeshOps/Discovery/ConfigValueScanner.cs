using System.Text.Json;
using MeshOps.Secrets;

namespace MeshOps.Discovery;

/// <summary>
/// Endpoints and listen addresses in a ConfigMap value. JSON documents are parsed and their string values read one by
/// one (so HashiCups' <c>{"db_connection": "host=postgres …", "bind_address": ":9090"}</c> splits cleanly); other text
/// is read line by line as <c>key: value</c> / <c>key=value</c> or scanned for URLs and connection strings.
/// </summary>
public static class ConfigValueScanner
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly string[] HostKeys = ["host", "hostname", "server", "address"];

    public static DiscoveryResult Scan(string text)
    {
        if (text.AsSpan().IndexOfAny(':', '=') < 0)
        {
            return DiscoveryResult.Empty;
        }

        var collector = new DiscoveryCollector();
        collector.ExpectUrlsOf(text);
        if (!TryScanJson(text, collector))
        {
            ScanLines(text, collector);
        }

        return collector.ToResult();
    }

    private static bool TryScanJson(string text, DiscoveryCollector collector)
    {
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            Walk(document.RootElement, null, collector);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Walk(JsonElement element, string? key, DiscoveryCollector collector)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Number && BindSyntax.IsBindKey(property.Name))
                    {
                        collector.AddKeyValue(property.Name, property.Value.GetRawText(), EndpointOrigin.JsonValue, EndpointOrigin.JsonValue);
                    }
                    else
                    {
                        Walk(property.Value, property.Name, collector);
                    }
                }

                AddHostPortObject(element, collector);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, key, collector);
                }

                break;
            case JsonValueKind.String:
                collector.AddKeyValue(key, element.GetString()!, EndpointOrigin.JsonValue, EndpointOrigin.JsonValue);
                break;
        }
    }

    // {"host": "postgres", "port": 5432}: the pair names an endpoint although neither value does alone.
    private static void AddHostPortObject(JsonElement element, DiscoveryCollector collector)
    {
        string? hostKey = null;
        string? host = null;
        int? port = null;
        foreach (var property in element.EnumerateObject())
        {
            if (host is null && property.Value.ValueKind == JsonValueKind.String && HostKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                hostKey = property.Name;
                host = property.Value.GetString();
            }
            else if (property.Name.Equals("port", StringComparison.OrdinalIgnoreCase))
            {
                var portText = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                port = EndpointSyntax.TryParsePort(portText ?? string.Empty, out var parsed) ? parsed : null;
            }
        }

        if (host is not null && port is not null && EndpointSyntax.TryParseHostPort(host, out var hostPort) && hostPort.Port is null)
        {
            var excerpt = $"\"{hostKey}\": \"{host}\", \"port\": {port}";
            collector.AddEndpoint(new DiscoveredEndpoint(hostPort.Host, port, null, EndpointOrigin.JsonValue, SecretRedactor.Redact(excerpt)) { Key = hostKey });
        }
    }

    private static void ScanLines(string text, DiscoveryCollector collector)
    {
        // One line at a time from the text, not Split('\n'): the array would keep every line of a 200,000-line value
        // alive, so each garbage collection during the scan copied them all again (issue 10).
        for (int start = 0, line = 0; start <= text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var trimmed = text.AsSpan(start, end - start).Trim();
            start = end + 1;
            collector.Line = line;
            if (trimmed.IsEmpty || trimmed[0] == '#' || trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.IndexOfAny(':', '=') < 0)
            {
                continue;
            }

            // "host=postgres port=5432 …" is one connection string, not a "host" key.
            if (KeyValueLine.TryParse(trimmed, out var key, out var value) && !ConnectionStrings.IsConnectionStringKey(trimmed[key]))
            {
                collector.AddKeyValue(trimmed[key].ToString(), trimmed[value].TrimEnd(",;").ToString(), EndpointOrigin.ConfigUrl, EndpointOrigin.ConfigHostPort);
            }
            else
            {
                collector.AddKeyValue(null, trimmed.ToString(), EndpointOrigin.ConfigUrl, EndpointOrigin.ConfigHostPort);
            }
        }
    }
}
