using System.Text.Json.Nodes;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Cluster;

public sealed class ClusterContentsTests
{
    private static ClusterContents Build(string? seeded = null, params RuntimeFault[] faults) =>
        ClusterContents.Build(new SimulatedClusterOptions { SeededFault = seeded, RuntimeFaults = faults }, "ca");

    private static JsonObject Single(ClusterContents contents, string kind, string ns, string name) =>
        Assert.Single(contents.Objects, o => (string?)o["kind"] == kind && (string?)o["metadata"]?["namespace"] == ns && (string?)o["metadata"]?["name"] == name);

    private static JsonObject PodOf(ClusterContents contents, string workload) => Assert.Single(contents.Pods, p => p.Workload == workload).Object;

    [Fact]
    public void Healthy_HashiCups_runs_one_injected_ready_pod_per_Deployment_owned_by_its_ReplicaSet()
    {
        var contents = Build();

        foreach (var app in new[] { "frontend", "nginx", "payments", "postgres", "products-api", "public-api" })
        {
            var pod = Assert.Single(contents.Pods, p => p.Workload == app);
            Assert.True(pod.Ready);
            Assert.True(pod.Injected);
            Assert.Matches($"^{app}-[a-z0-9]{{10}}-[a-z0-9]{{5}}$", pod.Name);
            var hash = pod.Labels["pod-template-hash"];
            var owner = pod.Object["metadata"]!["ownerReferences"]![0]!;
            Assert.Equal("ReplicaSet", (string?)owner["kind"]);
            Assert.Equal($"{app}-{hash}", (string?)owner["name"]);
            Single(contents, "ReplicaSet", "default", $"{app}-{hash}");
            Assert.Equal("injected", pod.Annotations["consul.hashicorp.com/connect-inject-status"]);
            var containers = pod.Object["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]).ToList();
            Assert.Equal([app, "consul-dataplane"], containers);
            Assert.Equal("consul-connect-inject-init", (string?)pod.Object["spec"]!["initContainers"]![0]!["name"]);
            Assert.Equal("Running", (string?)pod.Object["status"]!["phase"]);
            Assert.All(pod.Object["status"]!["containerStatuses"]!.AsArray(), s => Assert.True((bool)s!["ready"]!));
        }
    }

    [Fact]
    public void Each_Service_has_Endpoints_and_an_EndpointSlice_with_its_ready_pod_on_the_target_port()
    {
        var contents = Build();
        var pod = Assert.Single(contents.Pods, p => p.Workload == "payments");

        var endpoints = Single(contents, "Endpoints", "default", "payments");
        var subset = endpoints["subsets"]![0]!;
        Assert.Equal(pod.PodIp, (string?)subset["addresses"]![0]!["ip"]);
        Assert.Equal(8080, (int)subset["ports"]![0]!["port"]!);
        var slice = Assert.Single(contents.Objects, o => (string?)o["kind"] == "EndpointSlice" && (string?)o["metadata"]!["labels"]!["kubernetes.io/service-name"] == "payments");
        Assert.True((bool)slice["endpoints"]![0]!["conditions"]!["ready"]!);
    }

    [Fact]
    public void The_consul_namespace_has_the_server_pod_and_the_connect_injector_with_chart_flags()
    {
        var contents = Build();

        var server = Assert.Single(contents.Pods, p => p.Name == "consul-server-0");
        Assert.False(server.Injected);
        var injector = Single(contents, "Deployment", "consul", "consul-connect-injector");
        Assert.Equal("connect-injector", (string?)injector["metadata"]!["labels"]!["component"]);
        var script = (string?)injector["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]![2];
        Assert.Contains("-default-inject=false", script, StringComparison.Ordinal);
        Assert.Contains("-default-enable-transparent-proxy=true", script, StringComparison.Ordinal);
        Single(contents, "Service", "consul", "consul-server");
    }

    [Fact]
    public void A_missing_ServiceAccount_leaves_the_ReplicaSet_in_FailedCreate_and_no_pod()
    {
        var contents = Build("MESH401-missing-serviceaccount");

        Assert.DoesNotContain(contents.Pods, p => p.Workload == "payments");
        var replicaSet = Assert.Single(contents.Objects, o => (string?)o["kind"] == "ReplicaSet" && ((string?)o["metadata"]!["name"])!.StartsWith("payments-", StringComparison.Ordinal));
        var condition = replicaSet["status"]!["conditions"]![0]!;
        Assert.Equal("FailedCreate", (string?)condition["reason"]);
        Assert.Contains("serviceaccount \"payments\" not found", (string?)condition["message"], StringComparison.Ordinal);
        Assert.Null(Single(contents, "Endpoints", "default", "payments")["subsets"]);
    }

    [Fact]
    public void A_named_targetPort_no_container_declares_leaves_the_Service_without_endpoints()
    {
        var contents = Build("MESH101-payments-targetport");

        Assert.Null(Single(contents, "Endpoints", "default", "payments")["subsets"]);
    }

    [Fact]
    public void CrashLoopBackOff_shows_in_the_app_container_and_makes_the_address_not_ready()
    {
        var contents = Build(null, RuntimeFault.Parse("crashloop:payments"));

        var status = PodOf(contents, "payments")["status"]!["containerStatuses"]![0]!;
        Assert.Equal("CrashLoopBackOff", (string?)status["state"]!["waiting"]!["reason"]);
        Assert.Equal(7, (int)status["restartCount"]!);
        var subset = Single(contents, "Endpoints", "default", "payments")["subsets"]![0]!;
        Assert.Null(subset["addresses"]);
        Assert.Single(subset["notReadyAddresses"]!.AsArray());
    }

    [Fact]
    public void SidecarNotReady_marks_consul_dataplane_not_ready_and_the_pod_not_Ready()
    {
        var contents = Build(null, RuntimeFault.Parse("sidecar-not-ready:products-api"));

        var pod = Assert.Single(contents.Pods, p => p.Workload == "products-api");
        Assert.False(pod.Ready);
        Assert.False(pod.SidecarReady);
        var sidecar = pod.Object["status"]!["containerStatuses"]!.AsArray().Single(s => (string?)s!["name"] == "consul-dataplane")!;
        Assert.False((bool)sidecar["ready"]!);
        Assert.NotNull(sidecar["state"]!["running"]);
    }

    [Fact]
    public void A_ServiceIntentions_that_changes_its_destination_is_refused_and_the_first_copy_stays()
    {
        var contents = Build("MESH207-intention-renamed");

        var refused = Assert.Single(contents.RefusedApplies);
        Assert.Contains("ServiceIntentions/default/products-api", refused, StringComparison.Ordinal);
        Assert.Equal("products-api", (string?)Single(contents, "ServiceIntentions", "default", "products-api")["spec"]!["destination"]!["name"]);
    }

    [Fact]
    public void Consul_refuses_an_intention_that_names_a_source_twice_and_its_Synced_condition_says_so()
    {
        var contents = Build("MESH203-duplicate-source");

        var intention = Single(contents, "ServiceIntentions", "default", "products-api");
        Assert.Equal("False", (string?)intention["status"]!["conditions"]![0]!["status"]);
        Assert.DoesNotContain(contents.ConsulEntries, e => (string?)e["kind"] == "ServiceIntentions" && (string?)e["metadata"]!["name"] == "products-api");
    }

    [Fact]
    public void Consul_refuses_HTTP_permissions_for_a_tcp_destination_and_keeps_the_other_entries()
    {
        var contents = Build("MESH204-l7-on-tcp");

        var intention = Single(contents, "ServiceIntentions", "default", "postgres");
        var synced = intention["status"]!["conditions"]![0]!;
        Assert.Equal("False", (string?)synced["status"]);
        Assert.Contains("service \"postgres\" has protocol \"tcp\", which is incompatible with L7 intentions permissions", (string?)synced["message"], StringComparison.Ordinal);
        Assert.DoesNotContain(contents.ConsulEntries, e => (string?)e["kind"] == "ServiceIntentions" && (string?)e["metadata"]!["name"] == "postgres");
        // The fault set's other intentions are taken, and the healthy postgres intention (action allow) is too.
        Assert.Contains(contents.ConsulEntries, e => (string?)e["kind"] == "ServiceIntentions" && (string?)e["metadata"]!["name"] == "products-api");
        Assert.Equal("True", (string?)Single(Build(), "ServiceIntentions", "default", "postgres")["status"]!["conditions"]![0]!["status"]);
    }

    [Fact]
    public void A_mesh_pod_no_Service_selects_waits_in_connect_init()
    {
        var contents = Build("MESH109-worker-without-service");

        var pod = PodOf(contents, "payments-worker");
        Assert.Equal("Pending", (string?)pod["status"]!["phase"]);
        Assert.NotNull(pod["status"]!["initContainerStatuses"]![0]!["state"]!["running"]);
    }

    [Fact]
    public void Every_seeded_fault_folder_builds()
    {
        foreach (var fault in HashiCupsManifests.SeededFaults())
        {
            var contents = Build(fault);
            Assert.NotEmpty(contents.Pods);
        }
    }
}
