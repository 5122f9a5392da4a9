using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// The discovery documents of kube-apiserver 1.32 in their legacy (unaggregated) form. kubectl 1.32 asks for the
/// aggregated <c>apidiscovery.k8s.io/v2</c> form first and falls back to these when the answer's Content-Type is plain
/// application/json, as it does against any server without aggregated discovery.
/// </summary>
public static class Discovery
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0",
        ["gitCommit"] = "70d3cc986aa8221cd1dfb1121852688902d3bf53",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2024-12-11T17:59:15Z",
        ["goVersion"] = "go1.23.3",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(Uri server) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = server.Authority,
        }),
    };

    public static JsonObject Groups(ServedApis apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var groups = new JsonArray();
        foreach (var group in apis.GroupVersions.GroupBy(gv => gv.Group))
        {
            var versions = new JsonArray();
            foreach (var (name, version) in group)
                versions.Add(new JsonObject { ["groupVersion"] = $"{name}/{version}", ["version"] = version });
            groups.Add(new JsonObject
            {
                ["name"] = group.Key,
                ["versions"] = versions,
                ["preferredVersion"] = versions[0]!.DeepClone(),
            });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject Group(ServedApis apis, string group)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var versions = new JsonArray();
        foreach (var (_, version) in apis.GroupVersions.Where(gv => gv.Group == group))
            versions.Add(new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version });
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = versions,
            ["preferredVersion"] = versions[0]!.DeepClone(),
        };
    }

    public static JsonObject Resources(ServedApis apis, string group, string version)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var resources = new JsonArray();
        foreach (var resource in apis.All.Where(r => r.Group == group && r.Version == version))
        {
            var entry = new JsonObject
            {
                ["name"] = resource.Plural,
                ["singularName"] = resource.Singular,
                ["namespaced"] = resource.Namespaced,
                ["kind"] = resource.Kind,
                ["verbs"] = new JsonArray(Verbs.Select(v => (JsonNode)v).ToArray()),
            };
            if (resource.ShortNames.Count > 0)
                entry["shortNames"] = new JsonArray(resource.ShortNames.Select(s => (JsonNode)s).ToArray());
            resources.Add(entry);
            if (resource.Kind == "Pod")
            {
                resources.Add(Subresource("pods/exec", "PodExecOptions", ["create", "get"]));
                resources.Add(Subresource("pods/portforward", "PodPortForwardOptions", ["create", "get"]));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Subresource(string name, string kind, string[] verbs) => new()
    {
        ["name"] = name,
        ["singularName"] = string.Empty,
        ["namespaced"] = true,
        ["kind"] = kind,
        ["verbs"] = new JsonArray(verbs.Select(v => (JsonNode)v).ToArray()),
    };
}
