using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Consul;

/// <summary>
/// The shipped assemblies have one Consul model: one public type per Consul kind, one intention action and one
/// intention permission in the SDK (the netstandard2.0 evaluator keeps its own, documented as evaluation-side).
/// </summary>
public class OneConsulModelTests
{
    // The SDK is MeshOps.dll with its Consul kinds in MeshOps.Consul.dll; MeshOps.Rules ships beside them.
    private static readonly Type[] Sdk = [.. typeof(MeshAnalyzer).Assembly.GetExportedTypes(), .. typeof(MeshOps.Consul.IMeshResource).Assembly.GetExportedTypes()];

    private static readonly Type[] Exported = [.. Sdk, .. typeof(RuleCatalog).Assembly.GetExportedTypes()];

    public static TheoryData<string> Kinds =>
    [
        "ServiceDefaults", "ServiceIntentions", "ProxyDefaults", "Mesh", "ServiceResolver", "ServiceRouter", "ServiceSplitter",
        "ExportedServices", "IngressGateway", "TerminatingGateway",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_consul_kind_has_exactly_one_public_type_and_it_is_the_generated_one(string kind)
    {
        var type = Assert.Single(Exported, t => t.Name == kind);

        Assert.Equal("MeshOps.Consul", type.Namespace);
        Assert.True(typeof(MeshOps.Consul.IMeshResource).IsAssignableFrom(type));
    }

    [Fact]
    public void The_sdk_spells_intention_action_and_permission_once()
    {
        // What an Envoy sidecar enforces, read back from its RBAC filters, is Envoy's compiled form (a permission with
        // the exclusions of higher-precedence sources and earlier permissions folded in), not a second spelling of the
        // declared intentions: it is compared with them, never written as them.
        var sdk = Sdk.Where(t => t.Namespace != "MeshOps.Envoy.Config").ToList();

        Assert.Equal(typeof(MeshOps.Consul.IntentionAction), Assert.Single(sdk, t => t.Name.EndsWith("IntentionAction", StringComparison.Ordinal)));
        Assert.Equal(typeof(MeshOps.Consul.ServiceIntentionsPermission), Assert.Single(sdk, t => t.Name.EndsWith("Permission", StringComparison.Ordinal) && !t.Name.Contains("Header", StringComparison.Ordinal) && !t.Name.Contains("Http", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_hand_written_crd_namespace_is_left()
    {
        Assert.DoesNotContain(Exported, t => t.Namespace == "MeshOps.Consul.Crds");
    }
}
