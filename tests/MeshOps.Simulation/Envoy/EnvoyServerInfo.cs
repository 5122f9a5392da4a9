using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Envoy;

/// <summary><c>/server_info</c> and <c>/certs</c>: the process and its TLS contexts, from the samples' shapes.</summary>
public static class EnvoyServerInfo
{
    /// <summary>
    /// <c>/server_info</c>, printed with primitive fields always present. The version string is assembled from the
    /// sample bootstrap's build metadata as Envoy assembles it (sha/version/status/build type/SSL).
    /// </summary>
    public static JsonObject Json(EnvoyAdminData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bootstrap = EnvoySamples.ConfigDump["configs"]![0]!["bootstrap"]!;
        var node = bootstrap["node"]!.DeepClone().AsObject();
        node["id"] = data.NodeId;
        node["cluster"] = data.Service;
        node["metadata"]!["namespace"] = data.ConsulNamespace;
        node.Remove("extensions");
        var build = node["user_agent_build_version"]!;
        var version = build["version"]!;
        var meta = build["metadata"]!;
        var versionText = string.Join('/',
            (string?)meta["revision.sha"],
            $"{(int?)version["major_number"] ?? 0}.{(int?)version["minor_number"] ?? 0}.{(int?)version["patch"] ?? 0}",
            (string?)meta["revision.status"],
            (string?)meta["build.type"],
            (string?)meta["ssl.version"]);
        var uptime = ((long)Math.Max(0, (DateTimeOffset.UtcNow - data.StartedAt).TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
        return new JsonObject
        {
            ["version"] = versionText,
            ["state"] = data.StateName,
            ["hot_restart_version"] = "11.104",
            ["command_line_options"] = new JsonObject
            {
                ["base_id"] = "0",
                ["concurrency"] = 2,
                ["config_path"] = "/consul/connect-inject/envoy-bootstrap.yaml",
                ["log_level"] = "info",
                ["drain_time"] = "600s",
                ["parent_shutdown_time"] = "900s",
                ["mode"] = "Serve",
                ["disable_hot_restart"] = false,
            },
            ["node"] = node,
            ["uptime_current_epoch"] = uptime,
            ["uptime_all_epochs"] = uptime,
        };
    }

    /// <summary>
    /// <c>/certs</c>: one TLS context for the public listener and one per upstream cluster, each with the Consul CA
    /// and the pod's leaf (SAN = its SPIFFE ID), in the sample's CertificateDetails shape. None before xDS delivered them.
    /// </summary>
    public static JsonObject Certs(EnvoyAdminData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sample = EnvoySamples.Certs["certificates"]!.AsArray();
        var template = sample.Last(c => c!["cert_chain"]!.AsArray().Count > 0)!;
        var certificates = new JsonArray();
        var contexts = EnvoyClusters.Loaded(data) ? 1 + data.Upstreams.Count : 0;
        var now = DateTimeOffset.UtcNow;
        var leafExpires = now + data.LeafCertificateRemaining;
        var caExpires = data.StartedAt.AddYears(10);
        for (var i = 0; i < contexts; i++)
        {
            var context = template.DeepClone();
            Detail(context["ca_cert"]![0]!, "1", $"spiffe://{data.TrustDomain}", data.StartedAt.AddDays(-1), caExpires, now);
            Detail(context["cert_chain"]![0]!, RandomSerial(), data.SpiffeId(data.Service), leafExpires.AddHours(-72), leafExpires, now);
            certificates.Add(context);
        }

        return new JsonObject { ["certificates"] = certificates };
    }

    private static void Detail(JsonNode detail, string serial, string san, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        detail["path"] = "<inline>";
        detail["serial_number"] = serial;
        detail["subject_alt_names"] = new JsonArray(new JsonObject { ["uri"] = san });
        detail["days_until_expiration"] = ((long)Math.Max(0, Math.Floor((to - now).TotalDays))).ToString(CultureInfo.InvariantCulture);
        detail["valid_from"] = from.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        detail["expiration_time"] = to.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    private static string RandomSerial() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
