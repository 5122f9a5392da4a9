using MeshOps.Intentions;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Intentions;

/// <summary>
/// Test-MeshIntention's evaluation on HashiCups and each of its intention faults: the decision, the ServiceIntentions
/// source that made it with its precedence and line, or the default and why.
/// </summary>
public sealed class IntentionCheckerTests
{
    private static IntentionCheckResult Check(string? fault, string source, string destination, string? method = null, string? path = null, params string[] headers)
    {
        var manifests = ManifestLoader.LoadPaths(HashiCupsExample.Files(fault));
        return IntentionChecker.Check(manifests, source, destination, IntentionRequest.Create(method, path, headers));
    }

    [Fact]
    public void An_exact_allow_decides_with_its_source_entry_precedence_and_line()
    {
        var result = Check(null, "public-api", "products-api");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal("products-api", result.IntentionName);
        Assert.Equal("public-api", result.SourceEntry);
        Assert.Equal(0, result.SourceIndex);
        Assert.Equal("allow", result.Action);
        Assert.Equal(9, result.Precedence);
        Assert.EndsWith("intentions.yaml:43", result.Location, StringComparison.Ordinal);
        Assert.False(result.DefaultApplied);
        Assert.Equal(IntentionAgreementNotAsked, result.ConsulAgreement.ToString());
        // The deny-all applies too but comes second: Consul tries the higher precedence first.
        Assert.Equal(2, result.Matches.Count);
        Assert.Contains("precedence 5", result.Matches[1], StringComparison.Ordinal);
    }

    private const string IntentionAgreementNotAsked = "NotAsked";

    [Fact]
    public void MESH201_the_deny_all_intention_decides_a_missing_allow()
    {
        var result = Check("MESH201-missing-intention", "public-api", "payments");

        Assert.Equal(IntentionCheckDecision.Denied, result.Decision);
        Assert.Equal("deny-all", result.IntentionName);
        Assert.Equal("*", result.SourceEntry);
        Assert.Equal("*", result.IntentionDestination);
        Assert.Equal(5, result.Precedence);
        Assert.False(result.DefaultApplied);
        Assert.Contains("MESH201-missing-intention", result.Location, StringComparison.Ordinal);
        Assert.EndsWith("intentions.yaml:10", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void MESH202_a_stale_intention_decides_and_the_unregistered_destination_is_noted()
    {
        var result = Check("MESH202-stale-intention", "public-api", "inventory");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal("inventory", result.IntentionName);
        Assert.Contains(result.Notes, n => n.Contains("no service named inventory", StringComparison.Ordinal));
    }

    [Fact]
    public void MESH203_the_duplicated_source_decides_and_Consul_refusing_the_entry_is_noted()
    {
        var result = Check("MESH203-duplicate-source", "public-api", "products-api");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal(0, result.SourceIndex);
        Assert.Contains(result.Notes, n => n.StartsWith("MESH203", StringComparison.Ordinal));
    }

    [Fact]
    public void MESH204_an_L7_intention_on_a_tcp_destination_denies_whatever_the_request_and_says_Consul_refuses_the_entry()
    {
        var connection = Check("MESH204-l7-on-tcp", "products-api", "postgres");
        var request = Check("MESH204-l7-on-tcp", "products-api", "postgres", "GET", "/");

        Assert.All([connection, request], r =>
        {
            Assert.Equal(IntentionCheckDecision.Denied, r.Decision);
            Assert.Equal("L7", r.Action);
            Assert.Equal(9, r.Precedence);
            Assert.Contains("speaks tcp", r.Explanation, StringComparison.Ordinal);
            Assert.Contains("refuses the whole ServiceIntentions", r.Explanation, StringComparison.Ordinal);
            Assert.Contains(r.Notes, n => n.StartsWith("MESH204", StringComparison.Ordinal) && n.Contains("none of its intentions apply", StringComparison.Ordinal));
        });
        Assert.Null(request.PermissionIndex);
    }

    [Fact]
    public void MESH205_the_unused_allow_decides_at_its_own_index()
    {
        var result = Check("MESH205-unused-intention", "products-api", "payments");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal("payments", result.IntentionName);
        Assert.Equal(1, result.SourceIndex);
        Assert.EndsWith("intentions.yaml:58", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void MESH206_without_deny_all_and_without_Helm_values_the_default_is_unknown_not_a_guessed_allow()
    {
        var result = Check("MESH206-no-deny-all", "frontend", "payments");

        Assert.Equal(IntentionCheckDecision.Unknown, result.Decision);
        Assert.True(result.DefaultApplied);
        Assert.Null(result.Precedence);
        Assert.Null(result.IntentionName);
        Assert.Empty(result.Matches);
        Assert.StartsWith("allow: ACLs are disabled", result.Default, StringComparison.Ordinal);
        Assert.Contains("(assumed", result.Default, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Contains("denies the call when ACLs are enabled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("true", IntentionCheckDecision.Denied, "deny: ACLs are enabled")]
    [InlineData("false", IntentionCheckDecision.Allowed, "allow: ACLs are disabled")]
    public void MESH206_with_Helm_values_the_default_decides_and_says_why(string acls, IntentionCheckDecision expected, string defaultText)
    {
        var values = ManifestLoader.LoadText($"""
            global:
              name: consul
              acls:
                manageSystemACLs: {acls}
            """, "values.yaml");
        var manifests = ManifestSet.Merge(ManifestLoader.LoadPaths(HashiCupsExample.Files("MESH206-no-deny-all")), values);

        var result = IntentionChecker.Check(manifests, "frontend", "payments");

        Assert.Equal(expected, result.Decision);
        Assert.True(result.DefaultApplied);
        Assert.StartsWith(defaultText, result.Default, StringComparison.Ordinal);
        Assert.DoesNotContain("(assumed", result.Default, StringComparison.Ordinal);
        Assert.Contains("default policy", result.DecidedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void MESH207_the_copy_the_cluster_keeps_decides_not_the_renamed_one()
    {
        var result = Check("MESH207-intention-renamed", "public-api", "payments");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal("payments", result.IntentionName);
        Assert.EndsWith("intentions.yaml:67", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void An_L7_intention_depends_on_the_request_until_one_is_described()
    {
        using var folder = new L7Folder();

        var unknown = folder.Check(null, null);
        var read = folder.Check("GET", "/coffees");
        var admin = folder.Check("GET", "/admin/users");
        var post = folder.Check("POST", "/coffees", "x-role=guest");

        Assert.Equal(IntentionCheckDecision.DependsOnRequest, unknown.Decision);
        Assert.Contains("[0] deny /admin*", unknown.Explanation, StringComparison.Ordinal);
        Assert.Equal(9, unknown.Precedence);
        Assert.Equal((IntentionCheckDecision.Allowed, 1), (read.Decision, read.PermissionIndex));
        Assert.Equal((IntentionCheckDecision.Denied, 0), (admin.Decision, admin.PermissionIndex));
        Assert.Null(post.PermissionIndex);
        Assert.Contains("matched no permission", post.Explanation, StringComparison.Ordinal);
        Assert.Equal("GET /coffees", read.Request);
    }

    [Fact]
    public void A_permission_that_turns_on_a_request_part_not_given_makes_the_check_depend_on_the_request()
    {
        using var folder = new L7Folder();

        // No -Method: [0] cannot match /coffees whatever the method; [1] turns on it.
        var noMethod = folder.Check(null, "/coffees");
        // No -Header: [0] and [1] cannot match POST /coffees; [2] turns on x-role.
        var noHeader = folder.Check("POST", "/coffees");

        Assert.Equal((IntentionCheckDecision.DependsOnRequest, 1), (noMethod.Decision, noMethod.PermissionIndex));
        Assert.Contains("permissions[1] judges the request's method", noMethod.Explanation, StringComparison.Ordinal);
        Assert.Contains("Give -Method to decide", noMethod.Explanation, StringComparison.Ordinal);
        Assert.Equal("GET /coffees (method assumed)", noMethod.Request);
        Assert.Equal((IntentionCheckDecision.DependsOnRequest, 2), (noHeader.Decision, noHeader.PermissionIndex));
        Assert.Contains("permissions[2] judges the request's headers", noHeader.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_request_decides_when_the_given_parts_decide()
    {
        using var folder = new L7Folder();

        // [0] denies /admin* on the path alone: the missing method cannot change that.
        var admin = folder.Check(null, "/admin/users");

        Assert.Equal((IntentionCheckDecision.Denied, 0), (admin.Decision, admin.PermissionIndex));
        Assert.Equal("GET /admin/users (method assumed)", admin.Request);
    }

    [Fact]
    public void A_request_header_given_as_name_value_is_matched()
    {
        using var folder = new L7Folder();

        Assert.Equal(IntentionCheckDecision.Allowed, folder.Check("PUT", "/coffees", "x-role=barista").Decision);
        Assert.Equal(2, folder.Check("PUT", "/coffees", "X-Role=barista").PermissionIndex);
        Assert.Null(folder.Check("PUT", "/coffees", "x-role=guest").PermissionIndex);
    }

    /// <summary>Healthy HashiCups with an L7 intention on products-api (http): deny /admin, allow GET, allow a header.</summary>
    private sealed class L7Folder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshops-l7");

        public L7Folder()
        {
            foreach (var file in HashiCupsExample.Files().Where(f => Path.GetFileName(f) != "intentions.yaml"))
            {
                File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(_folder.FullName, "intentions.yaml"), """
                apiVersion: consul.hashicorp.com/v1alpha1
                kind: ServiceIntentions
                metadata:
                  name: products-api
                spec:
                  destination:
                    name: products-api
                  sources:
                    - name: public-api
                      permissions:
                        - action: deny
                          http:
                            pathPrefix: /admin
                        - action: allow
                          http:
                            pathPrefix: /
                            methods: [GET]
                        - action: allow
                          http:
                            header:
                              - name: x-role
                                exact: barista
                """);
        }

        public IntentionCheckResult Check(string? method, string? path, params string[] headers) =>
            IntentionChecker.Check(ManifestLoader.LoadPaths([_folder.FullName]), "public-api", "products-api", IntentionRequest.Create(method, path, headers));

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
