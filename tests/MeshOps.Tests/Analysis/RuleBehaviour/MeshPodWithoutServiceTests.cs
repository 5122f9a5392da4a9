using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH109: a mesh pod that no Service selects never becomes ready (connect-init waits for the registration the
/// endpoints controller makes from a Service's Endpoints). Judged only where the inputs declare the namespace's Services.
/// </summary>
public class MeshPodWithoutServiceTests
{
    private static string Worker(string annotations = "", string ns = "default") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: worker
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: worker
          template:
            metadata:
              labels:
                app: worker
              annotations:
                consul.hashicorp.com/connect-inject: "true"
        {annotations}
            spec:
              serviceAccountName: worker
              containers:
                - name: worker
                  image: example/worker:1
                  ports:
                    - containerPort: 8080
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: worker
          namespace: {ns}
        """;

    private static string WorkerService(string ns = "default", string labels = "") => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: worker
          namespace: {ns}
        {labels}
        spec:
          selector:
            app: worker
          ports:
            - port: 8080
        """;

    private static TestMesh ApiWith(string worker) => new TestMesh().Service("api").Workload("api").Raw(worker);

    [Fact]
    public void A_mesh_pod_no_service_selects_is_an_error_on_its_pod_labels()
    {
        var mesh = ApiWith(Worker());

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH109", Severity.Error, mesh.LineOf("app: worker", 2) - 1), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Contains("Check to ensure a Kubernetes service has been created", finding.Message, StringComparison.Ordinal);
        Assert.Equal("kubectl logs -n default -l app=worker -c consul-connect-inject-init", finding.Confirm);
    }

    [Fact]
    public void A_service_selecting_the_pod_makes_it_fine()
    {
        Assert.Empty(ApiWith(Worker()).Raw(WorkerService()).Analyze().Findings);
    }

    [Fact]
    public void The_connect_service_annotation_registers_nothing_by_itself()
    {
        var mesh = ApiWith(Worker("        consul.hashicorp.com/connect-service: worker"));

        Assert.Equal("MESH109", Assert.Single(mesh.Analyze().Findings).RuleId);
    }

    [Fact]
    public void A_service_consul_k8s_ignores_does_not_register_the_pod()
    {
        var mesh = ApiWith(Worker()).Raw(WorkerService(labels: "  labels:\n    consul.hashicorp.com/service-ignore: \"true\""));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal("MESH109", finding.RuleId);
        Assert.Contains("Services worker select them but are labelled consul.hashicorp.com/service-ignore", finding.Message, StringComparison.Ordinal);
        Assert.Single(finding.Evidence);
    }

    [Fact]
    public void A_service_in_another_namespace_does_not_select_the_pod()
    {
        var mesh = ApiWith(Worker(ns: "jobs")).Raw(WorkerService(ns: "default")).Raw(WorkerService(ns: "jobs").Replace("app: worker", "tier: batch", StringComparison.Ordinal));

        Assert.Contains(mesh.Analyze().Findings, f => f.RuleId == "MESH109" && f.Resource.ToString() == "Deployment/jobs/worker");
    }

    [Fact]
    public void A_namespace_less_service_that_would_select_the_pod_once_applied_with_kubectl_n_is_no_fault()
    {
        // svc.yaml written without a namespace (for kubectl apply -n jobs) lands in default here; jobs has another Service.
        var namespaceLess = WorkerService().Replace("  namespace: default\n", "", StringComparison.Ordinal);
        var mesh = ApiWith(Worker(ns: "jobs")).Raw(namespaceLess).Raw(WorkerService(ns: "jobs").Replace("app: worker", "tier: batch", StringComparison.Ordinal));

        Assert.DoesNotContain("namespace: default", namespaceLess, StringComparison.Ordinal);
        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH109");
    }

    [Fact]
    public void Without_any_service_of_the_namespace_in_the_inputs_nothing_is_judged()
    {
        // The Services may be applied from a chart or another folder; the inputs say nothing about them.
        var mesh = ApiWith(Worker(ns: "jobs"));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void Pods_outside_the_mesh_and_gateway_pods_need_no_service()
    {
        var outside = ApiWith(Worker().Replace("connect-inject: \"true\"", "connect-inject: \"false\"", StringComparison.Ordinal));
        var gateway = ApiWith(Worker("        consul.hashicorp.com/gateway-kind: terminating-gateway"));

        Assert.Empty(outside.Analyze().Findings);
        Assert.Empty(gateway.Analyze().Findings);
    }

    [Fact]
    public void A_service_whose_selector_misses_the_pod_by_a_value_is_left_to_mesh102()
    {
        var mesh = ApiWith(Worker()).Raw(WorkerService().Replace("app: worker", "app: wroker", StringComparison.Ordinal));

        Assert.Equal("MESH102", Assert.Single(mesh.Analyze().Findings).RuleId);
    }
}
