using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Live.Tests.Live;

/// <summary>A live finding's kubectl commands reach the cluster it was read from, not kubectl's current context.</summary>
public class ClusterConfirmCommandsTests
{
    [Fact]
    public void Every_kubectl_command_gets_the_context_and_kubeconfig_given()
    {
        var finding = Finding("kubectl port-forward -n shop deploy/web 19000 & curl -s localhost:19000/stats | grep x; kubectl get pods -n shop");

        var confirmed = ClusterConfirmCommands.ForCluster(finding, "prod", "/home/me/my kube/config");

        Assert.Equal(
            "kubectl --kubeconfig '/home/me/my kube/config' --context prod port-forward -n shop deploy/web 19000 & curl -s localhost:19000/stats | grep x; "
            + "kubectl --kubeconfig '/home/me/my kube/config' --context prod get pods -n shop",
            confirmed.Confirm);
    }

    [Fact]
    public void Commands_that_are_not_kubectl_and_runs_on_the_current_context_are_left_alone()
    {
        var consul = Finding("consul intention check web api");
        var kubectl = Finding("kubectl get endpoints api -n shop -o wide");

        Assert.Equal("consul intention check web api", ClusterConfirmCommands.ForCluster(consul, "prod", null).Confirm);
        Assert.Same(kubectl, ClusterConfirmCommands.ForCluster(kubectl, null, null));
    }

    private static Finding Finding(string confirm) =>
        new("MESH101", Severity.Error, "t", new ResourceRef("Service", "shop", "api"), new SourceLocation("Service/shop/api", 0, 0), "m", "f", confirm, []);
}
