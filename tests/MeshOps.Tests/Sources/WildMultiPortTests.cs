using k8s.Models;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// The wild multi-port set (VERDICTS.md, set 3): web-fakeservice.yaml repeats `ports:` in both containers, which kubectl
/// accepts keeping the last value. Dropping the Deployment for it made Services web and web-admin select nothing (4 false
/// MESH102); static-client.yaml and static-fake-service.yaml write the same objects twice.
/// </summary>
public class WildMultiPortTests
{
    private static readonly string Folder = ReferenceData.Path("wild", "panchal-ravi__consul-k8s-multi-cluster-peering", "examples", "applications", "multi-port");

    [Fact]
    public void The_web_deployment_is_read_with_the_last_ports_of_each_container()
    {
        var set = ManifestLoader.LoadPaths([Folder]);

        Assert.Empty(set.Errors);
        var web = set.Resources.Single(r => r.Kind == "Deployment" && r.Name == "web" && r.Location.File.EndsWith("web-fakeservice.yaml", StringComparison.Ordinal));
        var containers = web.As<V1Deployment>()!.Spec.Template.Spec.Containers;
        Assert.Equal([("web", 8080, "http"), ("web-admin", 9090, "http")],
            containers.Select(c => (c.Name, Assert.Single(c.Ports).ContainerPort, Assert.Single(c.Ports).Name)));
        Assert.Equal([69, 83], set.Warnings.Where(w => w.WarningId == LoadWarningIds.DuplicateKey).Select(w => w.Location.Line));
    }

    [Fact]
    public void Services_web_and_web_admin_select_the_web_pod_and_the_static_client_objects_are_one_each()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([Folder]));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "MESH102" && f.Resource.Name is "web" or "web-admin");
        Assert.Empty(report.LoadErrors);
        // web-service.yaml rewrites Services web and web-admin of web-fakeservice.yaml; Service and ServiceAccount
        // static-client are the same in both static-* files, the Deployment is not.
        var twice = report.LoadWarnings.Where(w => w.WarningId == LoadWarningIds.DuplicateObject)
            .Select(w => (w.Message[..w.Message.IndexOf(" is written", StringComparison.Ordinal)], Path.GetFileName(w.Location.File)));
        Assert.Equal([("Deployment/default/static-client", "static-fake-service.yaml"), ("Service/default/web", "web-service.yaml"), ("Service/default/web-admin", "web-service.yaml")],
            twice.Order());
    }
}
