using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Model;

/// <summary>Calls written as Consul DNS names are edges to the Consul service, resolved locally or marked remote.</summary>
public class ConsulDnsEdgeTests
{
    private static string PeeringSet(string name) =>
        ReferenceData.Path("wild", "panchal-ravi__consul-k8s-multi-cluster-peering", "examples", "applications", name);

    private static MeshModel BuildFrom(string folder) => MeshModelBuilder.Build(ManifestLoader.LoadPaths([folder]));

    [Fact]
    public void A_virtual_consul_name_is_a_call_to_the_mesh_service_that_registers_it()
    {
        // grpc-demo frontend.yml: UPSTREAM_URIS http://backend.virtual.consul:9091
        var model = BuildFrom(PeeringSet("grpc-demo"));

        var edge = Assert.Single(model.Edges, e => e.Source.Name == "frontend");

        Assert.Equal(("backend", 9091, "/", false), (edge.TargetName, edge.Port, edge.RequestPath, edge.IsRemote));
        Assert.True(edge.ViaConsulDns);
        Assert.Equal("backend", edge.Target?.ConsulName);
        Assert.True(edge.Target!.InMesh);
    }

    [Fact]
    public void Peer_names_are_remote_calls_and_a_service_outside_the_mesh_is_no_target()
    {
        var model = BuildFrom(PeeringSet("external-service-demo-default"));

        // web.yml: http://external-service.virtual.consul. The Kubernetes Service external-service selects a pod
        // outside the mesh, which consul-k8s does not register: the Consul name is the terminating gateway's service.
        var web = Assert.Single(model.Edges, e => e.Source.Name == "web");
        Assert.Equal(("external-service", 80, false, null), (web.TargetName, web.Port, web.IsRemote, web.Target));
        Assert.True(web.ViaConsulDns);

        // frontend.yml: http://backend.virtual.dc2-default.peer.consul,http://external-service.virtual.dc2-default.peer.consul
        var frontend = model.Edges.Where(e => e.Source.Name == "frontend").ToList();
        Assert.Equal(["backend", "external-service"], frontend.Select(e => e.TargetName));
        Assert.All(frontend, e =>
        {
            Assert.Equal(("dc2-default", true, null), (e.Peer, e.IsRemote, e.Target));
            Assert.Null(e.Datacenter);
            Assert.Null(e.Partition);
        });
    }

    [Fact]
    public void Calls_through_consul_names_are_neither_unknown_hosts_nor_checked_against_local_service_ports_or_intentions()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([PeeringSet("external-service-demo-default"), PeeringSet("grpc-demo")]));

        Assert.DoesNotContain(report.Findings, f => f.RuleId is "MESH104" or "MESH105" or "MESH201");
    }

    [Fact]
    public void A_local_consul_name_is_resolved_by_consul_service_name_in_any_kubernetes_namespace()
    {
        var mesh = new TestMesh()
            .Workload("web", env: ["API_URL=http://api.virtual.consul:8080", "API_TAGGED=v1.api.service.consul:8080"])
            .Raw(ApiInNamespace("shop"));

        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(mesh.ToString(), "<test>"));

        Assert.Equal(2, model.Edges.Count);
        Assert.All(model.Edges, e => Assert.Equal(("api", "shop", "shop"), (e.TargetName, e.TargetNamespace, e.Target?.Namespace)));
    }

    [Fact]
    public void A_call_to_its_own_consul_name_is_not_an_edge()
    {
        var mesh = new TestMesh().Service("web").Workload("web", env: ["SELF=http://web.virtual.consul"]);

        Assert.Empty(MeshModelBuilder.Build(ManifestLoader.LoadText(mesh.ToString(), "<test>")).Edges);
    }

    [Fact]
    public void A_consul_virtual_call_on_a_port_the_service_does_not_expose_is_not_mesh105()
    {
        // Envoy's outbound filter chain matches the virtual IP on any port (consul agent/xds/listeners.go).
        var mesh = new TestMesh().Service("web").Workload("web", env: ["API=http://api.virtual.consul:9999"]).Service("api").Workload("api");

        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH105");
    }

    [Fact]
    public void A_consul_virtual_call_to_a_headless_service_is_not_mesh106_but_the_kubernetes_name_is()
    {
        // The .virtual.consul name resolves to the virtual IP Consul assigns, which tproxy matches whatever the
        // Kubernetes Service's clusterIP is; the Kubernetes name resolves to pod IPs of a headless Service.
        static TestMesh Calling(string url) => new TestMesh().Service("web").Workload("web", env: [$"API={url}"])
            .Raw(HeadlessApi).Workload("api");

        Assert.DoesNotContain(Calling("http://api.virtual.consul").Analyze().Findings, f => f.RuleId == "MESH106");
        Assert.Contains(Calling("http://api").Analyze().Findings, f => f.RuleId == "MESH106");
    }

    private const string HeadlessApi = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          clusterIP: None
          selector:
            app: api
          ports:
            - port: 8080
        """;

    [Fact]
    public void A_local_consul_call_denied_by_intentions_is_mesh201_and_a_peer_call_is_not_judged()
    {
        var local = new TestMesh().Service("web").Workload("web", env: ["API=http://api.virtual.consul"]).Service("api").Workload("api")
            .Intention("*", ("*", "deny"));
        var peer = new TestMesh().Service("web").Workload("web", env: ["API=http://api.virtual.east.peer.consul"]).Service("api").Workload("api")
            .Intention("*", ("*", "deny"));

        var finding = Assert.Single(local.Analyze().Findings, f => f.RuleId == "MESH201");
        Assert.Equal(local.LineOf("http://api.virtual.consul"), finding.Line);
        Assert.DoesNotContain(peer.Analyze().Findings, f => f.RuleId is "MESH201" or "MESH104" or "MESH105");
    }

    private static string ApiInNamespace(string ns) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: {ns}
        spec:
          selector:
            app: api
          ports:
            - port: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
              annotations:
                consul.hashicorp.com/connect-inject: "true"
            spec:
              containers:
                - name: api
                  image: example/api:1
                  ports:
                    - containerPort: 8080
        """;
}
