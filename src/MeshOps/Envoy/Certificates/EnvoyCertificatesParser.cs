using System.Globalization;
using System.Text.Json;

namespace MeshOps.Envoy.Certificates;

/// <summary>
/// Reads <c>/certs</c> (envoyproxy/envoy api/envoy/admin/v3/certs.proto; always JSON, primitives always printed):
/// <c>{"certificates":[{"ca_cert":[…],"cert_chain":[…]}, …]}</c>, one entry per SSL context. An empty list is a valid
/// answer (an empty result) meaning no TLS context is loaded (for a Consul sidecar: the SDS secrets have not arrived).
/// <c>days_until_expiration</c> is an int64 and so a JSON string.
/// </summary>
public static class EnvoyCertificatesParser
{
    private const string Output = "/certs";

    public static IReadOnlyList<EnvoyCertificate> Parse(EnvoySource source, ReadOnlyMemory<byte> json, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("certificates", out var contexts))
                throw new EnvoyFormatException(source, Output, 0, "the JSON has no 'certificates' (is it the output of another endpoint?)");
            var certificates = new List<EnvoyCertificate>();
            var index = 0;
            foreach (var context in contexts.EnumerateArray())
            {
                certificates.AddRange(Read(source, context, "ca_cert", index, now, _ => EnvoyCertificateRole.CertificateAuthority));
                certificates.AddRange(Read(source, context, "cert_chain", index, now,
                    position => position == 0 ? EnvoyCertificateRole.Leaf : EnvoyCertificateRole.Intermediate));
                index++;
            }

            return certificates;
        }
        catch (JsonException e)
        {
            throw new EnvoyFormatException(source, Output, (int)(e.LineNumber ?? -1) + 1, JsonProblem.Describe(e), e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw new EnvoyFormatException(source, Output, 0, $"the JSON does not have the shape of Envoy's Certificates: {e.Message}", e);
        }
    }

    private static IEnumerable<EnvoyCertificate> Read(
        EnvoySource source, JsonElement context, string field, int index, DateTimeOffset now, Func<int, EnvoyCertificateRole> role)
    {
        if (!context.TryGetProperty(field, out var details) || details.ValueKind == JsonValueKind.Null)
            return [];
        return details.EnumerateArray().Select((detail, position) => new EnvoyCertificate
        {
            Source = source,
            Context = index,
            Role = role(position),
            Path = String(detail, "path"),
            SerialNumber = String(detail, "serial_number"),
            SubjectAltNames = detail.TryGetProperty("subject_alt_names", out var sans)
                ? sans.EnumerateArray().Select(SubjectAltName).ToArray()
                : [],
            ValidFrom = Time(detail, "valid_from"),
            ExpirationTime = Time(detail, "expiration_time"),
            DaysUntilExpiration = Days(detail),
            CheckedAt = now,
        }).ToArray();
    }

    private static string SubjectAltName(JsonElement san)
    {
        foreach (var property in san.EnumerateObject())
        {
            var prefix = property.Name switch
            {
                "uri" => "URI",
                "dns" => "DNS",
                "ip_address" => "IP",
                _ => property.Name,
            };
            return $"{prefix}:{property.Value.GetString()}";
        }

        return "";
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    private static long? Days(JsonElement element)
    {
        if (!element.TryGetProperty("days_until_expiration", out var value))
            return null;
        return value.ValueKind == JsonValueKind.String
            ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : value.GetInt64();
    }
}
