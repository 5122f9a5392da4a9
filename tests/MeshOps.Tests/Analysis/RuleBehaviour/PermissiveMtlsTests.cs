using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH502 and permissive mTLS (Consul 1.16+): a sidecar in permissive mode passes plaintext from outside the mesh to the
/// app, but Consul refuses the mode unless the Mesh entry sets allowEnablingPermissiveMutualTLS: true.
/// </summary>
public class PermissiveMtlsTests
{
    private const string AllowingMesh = "apiVersion: consul.hashicorp.com/v1alpha1\nkind: Mesh\nmetadata:\n  name: mesh\nspec:\n  allowEnablingPermissiveMutualTLS: true";

    private const string MeshWithoutFlag = "apiVersion: consul.hashicorp.com/v1alpha1\nkind: Mesh\nmetadata:\n  name: mesh\nspec:\n  transparentProxy:\n    meshDestinationsOnly: false";

    // web is outside the mesh and calls api, which is in it.
    private static TestMesh OutsideCallerToApi() =>
        new TestMesh().Service("web").Workload("web", inMesh: false, env: ["API_URL=http://api:8080"]).Service("api").Workload("api");

    private static string ApiDefaults(string mode) =>
        $"apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceDefaults\nmetadata:\n  name: api\nspec:\n  protocol: http\n  mutualTLSMode: {mode}";

    private static string ProxyDefaults(string mode) =>
        $"apiVersion: consul.hashicorp.com/v1alpha1\nkind: ProxyDefaults\nmetadata:\n  name: global\nspec:\n  mutualTLSMode: {mode}";

    [Fact]
    public void A_plaintext_call_into_a_permissive_service_the_mesh_allows_is_not_a_boundary_error()
    {
        Assert.DoesNotContain(OutsideCallerToApi().Raw(ApiDefaults("permissive")).Raw(AllowingMesh).Analyze().Findings, f => f.RuleId == "MESH502");
    }

    [Fact]
    public void Permissive_mode_from_proxy_defaults_counts_too()
    {
        Assert.DoesNotContain(OutsideCallerToApi().Raw(ProxyDefaults("permissive")).Raw(AllowingMesh).Analyze().Findings, f => f.RuleId == "MESH502");
    }

    [Fact]
    public void Strict_service_defaults_win_over_permissive_proxy_defaults()
    {
        var mesh = OutsideCallerToApi().Raw(ProxyDefaults("permissive")).Raw(ApiDefaults("strict")).Raw(AllowingMesh);

        var finding = Assert.Single(mesh.Analyze().Findings, f => f.RuleId == "MESH502");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("accepts only mTLS", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissive_mode_that_the_mesh_entry_does_not_allow_is_refused_by_consul_and_stays_an_error()
    {
        var mesh = OutsideCallerToApi().Raw(ApiDefaults("permissive")).Raw(MeshWithoutFlag);

        var finding = Assert.Single(mesh.Analyze().Findings, f => f.RuleId == "MESH502");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains($"ServiceDefaults api at <test>:{mesh.LineOf("mutualTLSMode: permissive")} sets mutualTLSMode: permissive", finding.Message, StringComparison.Ordinal);
        Assert.Contains("does not set allowEnablingPermissiveMutualTLS: true: Consul refuses that entry", finding.Message, StringComparison.Ordinal);
        Assert.Equal(mesh.LineOf("mutualTLSMode: permissive"), Assert.Single(finding.Evidence).Location.Line);
        Assert.Contains("add a Mesh entry with allowEnablingPermissiveMutualTLS: true", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissive_mode_with_no_mesh_entry_in_the_inputs_is_a_warning_that_states_the_assumption()
    {
        var finding = Assert.Single(OutsideCallerToApi().Raw(ApiDefaults("permissive")).Analyze().Findings, f => f.RuleId == "MESH502");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("no Mesh resource in the inputs sets allowEnablingPermissiveMutualTLS: true", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_permissive_mode_the_fix_offers_it_for_a_caller_that_cannot_join_yet()
    {
        var finding = Assert.Single(OutsideCallerToApi().Analyze().Findings, f => f.RuleId == "MESH502");

        Assert.Contains("set mutualTLSMode: permissive in the ServiceDefaults of api", finding.Fix, StringComparison.Ordinal);
    }
}
