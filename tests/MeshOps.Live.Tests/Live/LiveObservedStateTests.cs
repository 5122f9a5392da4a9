using MeshOps.Model;
using MeshOps.Sources;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Live;

/// <summary>What the cluster reports (pod and container status, endpoint readiness, Synced) reaches the one model.</summary>
public class LiveObservedStateTests
{
    [Fact]
    public async Task Pod_status_endpoints_and_synced_conditions_land_in_the_observed_state()
    {
        await using var cluster = await LiveCluster.StartAsync(store =>
        {
            store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""));
            store.Put(HashiCupsObjects.Json("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"payments-7d9f","namespace":"shop","labels":{"app":"payments"}},
                 "spec":{"containers":[{"name":"payments","image":"payments:1"},{"name":"consul-dataplane","image":"consul-dataplane:1.6"}]},
                 "status":{"phase":"Running","containerStatuses":[
                   {"name":"payments","ready":false,"restartCount":7,"image":"payments:1","imageID":"","state":{"waiting":{"reason":"CrashLoopBackOff"}}},
                   {"name":"consul-dataplane","ready":true,"restartCount":0,"image":"consul-dataplane:1.6","imageID":"","state":{"running":{}}}]}}
                """));
            store.Put(HashiCupsObjects.Json("""
                {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"payments-abc","namespace":"shop","labels":{"kubernetes.io/service-name":"payments"}},
                 "addressType":"IPv4","endpoints":[{"addresses":["10.0.0.7"],"conditions":{"ready":false}}]}
                """));
            store.Put(HashiCupsObjects.Json("""
                {"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceDefaults","metadata":{"name":"payments","namespace":"shop"},"spec":{"protocol":"http"},
                 "status":{"conditions":[{"type":"Synced","status":"False","reason":"ConsulAgentError","message":"config entry is invalid"}]}}
                """));
        });
        using var connection = cluster.Connect("shop");

        var model = MeshModelBuilder.Build(await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));

        var pod = model.Observed.Pods[new ObjectKey("shop", "payments-7d9f")];
        Assert.Equal("Running", pod.Phase);
        var app = Assert.Single(pod.Containers, c => c.Name == "payments");
        Assert.Equal(("CrashLoopBackOff", 7, false), (app.WaitingReason, app.RestartCount, app.Ready));
        Assert.Equal("consul-dataplane", pod.Sidecar?.Name);
        Assert.Equal(new EndpointObservation(0, 1), model.Observed.Endpoints[new ObjectKey("shop", "payments")]);
        var synced = model.Observed.Synced[new ResourceRef("ServiceDefaults", "shop", "payments")];
        Assert.Equal(("False", "ConsulAgentError"), (synced.Status, synced.Reason));
    }
}
