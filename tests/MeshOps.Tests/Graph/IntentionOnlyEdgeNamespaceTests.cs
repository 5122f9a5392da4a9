using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Graph;

/// <summary>
/// The pairs an intention allows with no call between them are drawn (and become -All paths and generated checks) only
/// between the services the intention names in Consul: with Enterprise namespaces, web and api in Kubernetes namespace b
/// are other Consul services than those in a, which the intention names; on CE every namespace is Consul's "default",
/// so the intention covers them all.
/// </summary>
public class IntentionOnlyEdgeNamespaceTests
{
    private static string Workload(string ns, string name) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
              annotations:
                consul.hashicorp.com/connect-inject: "true"
            spec:
              serviceAccountName: {name}
              containers:
                - name: {name}
                  image: example/{name}
                  ports:
                    - containerPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            app: {name}
          ports:
            - port: 80
              targetPort: 8080
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {name}
          namespace: {ns}
        ---

        """;

    private const string WebToApiInA = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: api
          namespace: a
        spec:
          destination:
            name: api
          sources:
            - name: web
              action: allow
        ---

        """;

    private static string Values(bool namespaces) => $"""
        global:
          name: consul
          enableConsulNamespaces: {(namespaces ? "true" : "false")}
        connectInject:
          enabled: true

        """;

    private static List<string> IntentionOnlyEdges(bool namespaces)
    {
        var yaml = Workload("a", "web") + Workload("a", "api") + Workload("b", "web") + Workload("b", "api") + WebToApiInA + Values(namespaces);
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(ManifestLoader.LoadText(yaml, "mesh.yaml"));
        return [.. MeshGraphBuilder.Build(model, report).Edges.Where(e => !e.Called).Select(e => $"{e.From.Namespace}/{e.From.Name} -> {e.To.Namespace}/{e.To.Name} {e.Decision}")];
    }

    [Fact]
    public void With_Enterprise_namespaces_only_the_services_of_the_intention_s_namespace_are_joined()
    {
        Assert.Equal(["a/web -> a/api Allowed"], IntentionOnlyEdges(namespaces: true));
    }

    [Fact]
    public void On_CE_the_intention_joins_the_services_of_every_namespace()
    {
        Assert.Equal(
            ["a/web -> a/api Allowed", "a/web -> b/api Allowed", "b/web -> a/api Allowed", "b/web -> b/api Allowed"],
            IntentionOnlyEdges(namespaces: false));
    }
}
