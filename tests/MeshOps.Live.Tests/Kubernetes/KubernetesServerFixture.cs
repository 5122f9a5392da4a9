using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Simulation.Pods;

namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>One simulated API server per test class, seeded with a small shop namespace, and a kubeconfig for it.</summary>
public sealed class KubernetesServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("meshops-kube");

    public ObjectStore Store { get; } = new();

    public SimulatedKubernetesServer Server { get; private set; } = null!;

    public string Kubeconfig { get; private set; } = null!;

    public string Folder => _directory.FullName;

    public async Task InitializeAsync()
    {
        Seed(Store);
        Server = await SimulatedKubernetesServer.StartAsync(Store, new PodNetwork(), new PodFiles());
        Kubeconfig = Server.WriteKubeconfig(Path.Combine(Folder, "kubeconfig"), "simulated", "shop");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    public static void Seed(ObjectStore store)
    {
        store.Put(Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop","labels":{"kubernetes.io/metadata.name":"shop"}}}"""));
        store.Put(Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"other"}}"""));
        foreach (var (name, app, phase, node) in new[] { ("web-1", "web", "Running", "node-a"), ("web-2", "web", "Pending", "node-b"), ("api-1", "api", "Running", "node-a") })
        {
            store.Put(Json($$$"""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"shop","labels":{"app":"{{{app}}}","tier":"{{{(app == "web" ? "front" : "back")}}}"}},
                 "spec":{"nodeName":"{{{node}}}","containers":[{"name":"{{{app}}}","image":"nginx:1.27","ports":[{"containerPort":8080,"protocol":"TCP"}]}]},
                 "status":{"phase":"{{{phase}}}","podIP":"10.0.0.1"}}
                """));
        }

        store.Put(Json("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"other","labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]},"status":{"phase":"Running"}}"""));
        store.Put(Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}"""));
        store.Put(Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"shop","labels":{"app":"api"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"api"}},"template":{"metadata":{"labels":{"app":"api"}},"spec":{"containers":[{"name":"api","image":"api:1"}]}}}}"""));
        store.Put(Json("""{"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceDefaults","metadata":{"name":"web","namespace":"shop"},"spec":{"protocol":"http"},"status":{"conditions":[{"type":"Synced","status":"True"}]}}"""));
    }

    public static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;
}
