using System.Text.Json;
using System.Text.Json.Nodes;
using MeshOps.Secrets;

namespace MeshOps.Envoy.Config;

/// <summary>
/// Masks credentials in a config dump before anything is read from it. Envoy itself replaces private keys with
/// <c>[redacted]</c>, but not header values: Consul's bootstrap sends the ACL token to the xDS server as gRPC
/// <c>initial_metadata</c> <c>{"key": "x-consul-token", "value": "&lt;token&gt;"}</c>, which text redaction cannot see
/// (the key is literally "key"). So the tree is walked: a header whose name is a credential has its value masked, a
/// field named for a secret has its text masked, and every other string passes through <see cref="SecretRedactor"/>.
/// </summary>
public static class ConfigDumpRedactor
{
    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie",
    };

    /// <summary>Masks every credential in <paramref name="node"/>, in place.</summary>
    public static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                RedactObject(obj);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && IsString(value))
                        array[i] = Masked(value.GetValue<string>());
                    else
                        Redact(array[i]);
                }

                break;
        }
    }

    /// <summary>True for a header or metadata name that carries a credential (<c>x-consul-token</c>, <c>authorization</c>).</summary>
    public static bool IsCredentialHeader(string name) =>
        CredentialHeaders.Contains(name) || SecretRedactor.IsCredentialName(name);

    private static void RedactObject(JsonObject obj)
    {
        // HeaderValue {key, value} (gRPC initial_metadata, request_headers_to_add) and HeaderMatcher-like {name, value}.
        var headerName = Str(obj, "key") ?? Str(obj, "name");
        var maskValue = headerName is not null && IsCredentialHeader(headerName);
        foreach (var (name, child) in obj.ToList())
        {
            if (child is JsonValue value && IsString(value))
            {
                var text = value.GetValue<string>();
                obj[name] = (maskValue && name is "value" or "raw_value" or "rawValue") || (IsSecretField(name) && !IsPlaceholder(text))
                    ? SecretRedactor.Mask
                    : Masked(text);
            }
            else if ((name == "secret" || IsSecretField(name)) && child is JsonObject dataSource && IsDataSource(dataSource))
            {
                // A DataSource under private_key / password: inline_string / inline_bytes hold the secret itself.
                MaskDataSource(dataSource);
            }
            else
            {
                Redact(child);
            }
        }
    }

    private static void MaskDataSource(JsonObject dataSource)
    {
        foreach (var (name, child) in dataSource.ToList())
        {
            if (child is JsonValue value && IsString(value))
            {
                var text = value.GetValue<string>();
                dataSource[name] = name is "filename" or "environment_variable" or "environmentVariable" || IsPlaceholder(text) ? Masked(text) : SecretRedactor.Mask;
            }
            else
            {
                Redact(child);
            }
        }
    }

    private static bool IsDataSource(JsonObject obj) =>
        obj.ContainsKey("inline_string") || obj.ContainsKey("inline_bytes") || obj.ContainsKey("inlineString") || obj.ContainsKey("inlineBytes");

    // private_key, password, secret (a generic secret's value), access_token… but not "secret" objects of the
    // SecretsConfigDump, which hold certificates: their own keys are masked as DataSources one level down.
    private static bool IsSecretField(string name) =>
        name is not ("secret" or "name" or "@type") && SecretRedactor.IsCredentialName(name);

    private static bool IsPlaceholder(string text) => text is "[redacted]" or SecretRedactor.Mask || text.Length == 0;

    private static string Masked(string text) => SecretRedactor.Redact(text);

    private static bool IsString(JsonValue value) => value.GetValueKind() == JsonValueKind.String;

    private static string? Str(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && IsString(value) ? value.GetValue<string>() : null;
}
