using MeshOps.Model;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Model;

/// <summary>Observed runtime state has a place in the model: filled from status a cluster wrote, empty for manifests.</summary>
public class ObservedStateTests
{
    // As `kubectl get pod,endpoints,endpointslices,serviceintentions -o yaml` prints them, trimmed to what matters here.
    private const string Dump = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: payments-7d9c
          namespace: shop
        spec:
          containers:
            - name: payments
              image: hashicorpdemoapp/payments:v0.0.16
        status:
          phase: Running
          initContainerStatuses:
            - name: consul-connect-inject-init
              ready: true
              restartCount: 0
              state:
                terminated:
                  reason: Completed
                  exitCode: 0
            - name: consul-dataplane
              ready: false
              restartCount: 2
              state:
                running: {}
          containerStatuses:
            - name: payments
              ready: false
              restartCount: 7
              state:
                waiting:
                  reason: CrashLoopBackOff
              lastState:
                terminated:
                  reason: Error
                  exitCode: 1
        ---
        apiVersion: v1
        kind: Endpoints
        metadata:
          name: payments
          namespace: shop
        subsets:
          - addresses:
              - ip: 10.0.0.7
            notReadyAddresses:
              - ip: 10.0.0.8
              - ip: 10.0.0.9
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: payments-abcde
          namespace: shop
          labels:
            kubernetes.io/service-name: payments
        addressType: IPv4
        endpoints:
          - addresses: ["10.0.0.7"]
            conditions:
              ready: true
          - addresses: ["10.0.0.8"]
            conditions:
              ready: false
        ---
        apiVersion: v1
        kind: Endpoints
        metadata:
          name: postgres
          namespace: shop
        subsets:
          - addresses:
              - ip: 10.0.0.5
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: payments
          namespace: shop
        spec:
          destination:
            name: payments
          sources:
            - name: public-api
              action: allow
        status:
          conditions:
            - type: Synced
              status: "False"
              reason: ConsulAgentError
              message: "config entry is invalid"
          lastSyncedTime: "2026-11-30T10:00:00Z"
        """;

    [Fact]
    public void Manifests_observe_nothing()
    {
        var model = MeshModelBuilder.Build(ManifestLoader.LoadPaths(HashiCupsExample.Files()));

        Assert.True(model.Observed.IsEmpty);
    }

    [Fact]
    public void A_pod_reports_its_phase_containers_init_containers_and_the_sidecar()
    {
        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(Dump, "dump.yaml"));

        var pod = model.Observed.Pods[new ObjectKey("shop", "payments-7d9c")];
        Assert.Equal("Running", pod.Phase);
        var app = Assert.Single(pod.Containers);
        Assert.Equal(new ContainerObservation("payments", false, 7, "CrashLoopBackOff", null, "Error"), app);
        Assert.Equal(["consul-connect-inject-init", "consul-dataplane"], pod.InitContainers.Select(c => c.Name));
        Assert.Equal("Completed", pod.InitContainers[0].TerminatedReason);
        Assert.Equal(new ContainerObservation("consul-dataplane", false, 2, null, null), pod.Sidecar);
    }

    [Fact]
    public void Endpoint_readiness_comes_from_endpointslices_and_from_endpoints_where_there_are_no_slices()
    {
        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(Dump, "dump.yaml"));

        // payments has both; its slice decides (2 addresses, not the 3 its Endpoints mirror lists).
        Assert.Equal(new EndpointObservation(1, 1), model.Observed.Endpoints[new ObjectKey("shop", "payments")]);
        Assert.Equal(new EndpointObservation(1, 0), model.Observed.Endpoints[new ObjectKey("shop", "postgres")]);
    }

    [Fact]
    public void The_synced_condition_of_a_consul_resource_is_kept_with_consuls_reason()
    {
        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(Dump, "dump.yaml"));

        var synced = model.Observed.Synced[new ResourceRef("ServiceIntentions", "shop", "payments")];
        Assert.Equal(new SyncObservation("False", "ConsulAgentError", "config entry is invalid"), synced);
        Assert.False(model.Observed.IsEmpty);
    }
}
