using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What every cluster has before anything is applied, and what the namespace controllers add to each namespace:
/// the Namespace objects, the <c>default</c> ServiceAccount and <c>kube-root-ca.crt</c> ConfigMap in each, and the
/// <c>kubernetes</c> Service of the API server.
/// </summary>
internal static class SystemObjects
{
    public static IEnumerable<JsonObject> For(IEnumerable<string> namespaces, string caPem)
    {
        foreach (var ns in namespaces.Distinct(StringComparer.Ordinal))
        {
            yield return new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = ns, ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns } },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            };
            yield return new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ServiceAccount",
                ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
            };
            yield return new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject
                {
                    ["name"] = "kube-root-ca.crt",
                    ["namespace"] = ns,
                    ["annotations"] = new JsonObject { ["kubernetes.io/description"] = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." },
                },
                ["data"] = new JsonObject { ["ca.crt"] = caPem },
            };
        }

        yield return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject
            {
                ["name"] = "kubernetes",
                ["namespace"] = "default",
                ["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" },
            },
            ["spec"] = new JsonObject
            {
                ["clusterIP"] = "10.96.0.1",
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = 6443 }),
            },
        };
        yield return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject { ["name"] = "kubernetes", ["namespace"] = "default", ["labels"] = new JsonObject { ["endpointslice.kubernetes.io/skip-mirror"] = "true" } },
            ["subsets"] = new JsonArray(new JsonObject
            {
                ["addresses"] = new JsonArray(new JsonObject { ["ip"] = "172.18.0.2" }),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 6443, ["protocol"] = "TCP" }),
            }),
        };
    }

    /// <summary>A placeholder CA bundle when the API server's own is not known yet.</summary>
    public static string PlaceholderCa => "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(Encoding.ASCII.GetBytes("simulated cluster CA")) + "\n-----END CERTIFICATE-----\n";
}
