using System.Reflection;
using System.Runtime.CompilerServices;
using MeshOps.Model;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Model;

/// <summary>The model as built: immutable, with the Service ↔ workload relation readable from both sides.</summary>
public class MeshModelTests
{
    private static MeshModel Build(TestMesh mesh) => MeshModelBuilder.Build(ManifestLoader.LoadText(mesh.ToString(), "<test>"));

    [Fact]
    public void No_public_model_type_can_be_changed_once_built()
    {
        var settable = typeof(MeshModel).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == typeof(MeshModel).Namespace)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.GetSetMethod(nonPublic: true) is { } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(settable);
    }

    [Fact]
    public void Services_and_the_workloads_they_select_are_found_from_either_side()
    {
        var mesh = new TestMesh().Service("api").Workload("api").Workload("web", env: ["API_URL=http://api:8080"]).Raw("""
            apiVersion: v1
            kind: Service
            metadata:
              name: api-admin
            spec:
              selector:
                app: api
              ports:
                - port: 9090
            """);

        var model = Build(mesh);
        var api = model.Workloads.Single(w => w.Name == "api");
        var web = model.Workloads.Single(w => w.Name == "web");

        Assert.Equal(["api", "api-admin"], model.ServicesSelecting(api).Select(s => s.Name));
        Assert.Empty(model.ServicesSelecting(web));
        Assert.All(model.Services, s => Assert.Equal([api], s.Workloads));
        Assert.Equal(("api", "web"), (api.ConsulServiceName, web.ConsulServiceName));
        Assert.Same(model.FindService("default", "api"), Assert.Single(model.Edges).Target);
    }

    [Fact]
    public void A_service_ignored_by_consul_does_not_name_the_pods_it_selects()
    {
        var mesh = new TestMesh().Raw("""
            apiVersion: v1
            kind: Service
            metadata:
              name: api-metrics
              labels:
                consul.hashicorp.com/service-ignore: "true"
            spec:
              selector:
                app: api
              ports:
                - port: 9102
            """).Service("api").Workload("api");

        var api = Build(mesh).Workloads.Single();

        Assert.Equal("api", api.ConsulServiceName);
    }
}
