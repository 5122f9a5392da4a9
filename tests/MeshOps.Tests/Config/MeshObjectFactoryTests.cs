using MeshOps.Analysis;
using MeshOps.Config;
using MeshOps.Loading;

namespace MeshOps.Tests.Config;

/// <summary>
/// What a typed mesh writes, analysed by the runtime: each mistake the compiler reports for a declaration shows up as
/// the same rule ID in Test-MeshConfig once the mesh is written out anyway (with the compile-time diagnostic suppressed).
/// </summary>
public class MeshObjectFactoryTests
{
    private static readonly MeshServiceSpec Web = new()
    {
        Name = "web",
        Protocol = MeshProtocol.Http,
        Image = "example/web:1",
        ContainerPorts = [new ContainerPortSpec(8080)],
        ServicePorts = [new ServicePortSpec(80, 8080)],
        Upstreams = [new UpstreamSpec("api", 9090)],
    };

    private static readonly MeshServiceSpec Api = new()
    {
        Name = "api",
        Protocol = MeshProtocol.Http,
        Image = "example/api:1",
        ContainerPorts = [new ContainerPortSpec(9090)],
        ServicePorts = [new ServicePortSpec(9090, 9090)],
    };

    private static readonly DeclaredIntention[] WebToApi = [new("web", "api", IntentionAction.Allow)];

    public static TheoryData<string, MeshServiceSpec, MeshServiceSpec, bool> Mistakes => new()
    {
        { "MESH101", Web with { ServicePorts = [new ServicePortSpec(80, 8081)] }, Api, true },
        { "MESH103", Web, Api with { ContainerPorts = [new ContainerPortSpec(9090, BindAddress: "127.0.0.1")] }, true },
        { "MESH105", Web with { Upstreams = [new UpstreamSpec("api", 9091)] }, Api, true },
        { "MESH201", Web, Api, false },
        { "MESH301", Web, Api with { ServicePorts = [new ServicePortSpec(5432, 9090)] }, true },
        { "MESH402", Web, Api with { AutomountServiceAccountToken = false }, true },
    };

    [Fact]
    public void A_healthy_typed_mesh_writes_yaml_the_runtime_finds_nothing_in()
    {
        var report = Analyze(MeshObjectFactory.Create([Web, Api], denyAll: true, WebToApi));

        Assert.Empty(report.LoadErrors);
        Assert.Empty(report.Findings.Select(f => $"{f.RuleId} {f.Message}"));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_compile_time_mistake_written_out_anyway_is_the_same_runtime_rule(string id, MeshServiceSpec web, MeshServiceSpec api, bool allowWebToApi)
    {
        var report = Analyze(MeshObjectFactory.Create([web, api], denyAll: true, allowWebToApi ? WebToApi : []));

        Assert.Contains(id, report.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Intentions_group_sources_by_destination_after_deny_all()
    {
        var resources = MeshObjectFactory.Create([Web, Api], denyAll: true,
            [new("web", "api", IntentionAction.Allow), new("api", "web", IntentionAction.Deny), new("web", "web", IntentionAction.Allow)]);

        Assert.Equal(["deny-all", "api", "web"], resources.ServiceIntentions.Select(i => i.Metadata.Name));
        var web = resources.ServiceIntentions[2].Spec!;
        Assert.Equal([("api", IntentionAction.Deny), ("web", IntentionAction.Allow)], web.Sources!.Select(s => (s.Name!, s.Action!.Value)));
    }

    private static AnalysisReport Analyze(MeshResources resources) =>
        MeshAnalyzer.Analyze(ManifestLoader.LoadText(resources.ToYaml(), "typed-mesh.yaml"));
}
