using MeshOps.Clients.Kubernetes;

namespace MeshOps.Live.Tests.Live;

/// <summary>Which kubeconfig, context, server and namespace a connection uses: kubectl's rules.</summary>
public sealed class KubeconfigResolutionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshops-kubeconfig");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void An_explicit_path_is_read_alone_even_with_KUBECONFIG_set()
    {
        var first = Write("first", Config(("alpha", "https://alpha.example:6443", null)), current: "alpha");
        var given = Write("given", Config(("beta", "https://beta.example:6443", "shop")), current: "beta");

        using var connection = Create(new() { Kubeconfig = given }, kubeconfigVariable: first);

        Assert.Equal(("beta", "https://beta.example:6443", "shop"), (connection.Context, connection.Server, connection.Namespace));
    }

    [Fact]
    public void An_explicit_path_that_does_not_exist_is_an_error_naming_it()
    {
        var error = Assert.Throws<KubernetesConfigurationException>(() => Create(new() { Kubeconfig = Path.Combine(_folder.FullName, "missing") }));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KUBECONFIG_files_merge_with_the_first_definition_and_first_current_context_winning()
    {
        // Both files define context "shared" and cluster "shared"; the first file's win, as in client-go.
        var first = Write("first", Config(("shared", "https://first.example:6443", "from-first")), current: "shared");
        var second = Write("second", Config(("shared", "https://second.example:6443", "from-second"), ("other", "https://other.example:6443", null)), current: "other");
        var missing = Path.Combine(_folder.FullName, "not-there");

        using var connection = Create(new(), kubeconfigVariable: string.Join(Path.PathSeparator, first, missing, second));
        using var other = Create(new() { Context = "other" }, kubeconfigVariable: string.Join(Path.PathSeparator, first, second));

        Assert.Equal(("shared", "https://first.example:6443", "from-first"), (connection.Context, connection.Server, connection.Namespace));
        Assert.Equal(("other", "https://other.example:6443", "default"), (other.Context, other.Server, other.Namespace));
    }

    [Fact]
    public void Without_KUBECONFIG_the_home_kube_config_is_read()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, ".kube"));
        File.WriteAllText(Path.Combine(_folder.FullName, ".kube", "config"), Config(("home", "https://home.example:6443", null)) + "current-context: home\n");

        using var connection = KubernetesConnection.Create(new(), _ => null, _folder.FullName);

        Assert.Equal(("home", "https://home.example:6443", "default"), (connection.Context, connection.Server, connection.Namespace));
    }

    [Fact]
    public void A_namespace_given_wins_over_the_context_namespace()
    {
        var file = Write("config", Config(("ctx", "https://c.example:6443", "from-context")), current: "ctx");

        using var connection = Create(new() { Kubeconfig = file, Namespace = "asked" });

        Assert.Equal("asked", connection.Namespace);
    }

    [Fact]
    public void An_unknown_context_is_an_error_listing_the_contexts_there_are()
    {
        var file = Write("config", Config(("alpha", "https://a.example:6443", null), ("beta", "https://b.example:6443", null)), current: "alpha");

        var error = Assert.Throws<KubernetesConfigurationException>(() => Create(new() { Kubeconfig = file, Context = "gamma" }));

        Assert.Contains("'gamma'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'alpha', 'beta'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_kubeconfig_and_no_service_account_is_an_error_that_says_where_kubectl_looks()
    {
        var error = Assert.Throws<KubernetesConfigurationException>(() => KubernetesConnection.Create(new(), _ => null, _folder.FullName));

        Assert.Contains("KUBECONFIG", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Kubeconfig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_is_verified_unless_the_cluster_says_insecure_skip_tls_verify()
    {
        var verified = Write("verified", Config(("v", "https://v.example:6443", null)), current: "v");
        var insecure = Write("insecure", Config(("i", "https://i.example:6443", null)).Replace("    server:", "    insecure-skip-tls-verify: true\n    server:", StringComparison.Ordinal), current: "i");

        using var strict = Create(new() { Kubeconfig = verified });
        using var lax = Create(new() { Kubeconfig = insecure });

        Assert.False(strict.SkipTlsVerify);
        Assert.True(lax.SkipTlsVerify);
    }

    [Fact]
    public void Describe_names_context_and_server_and_never_the_token()
    {
        var file = Write("config", Config(("prod", "https://prod.example:6443", null)), current: "prod");

        using var connection = Create(new() { Kubeconfig = file });

        Assert.Equal("context 'prod' (server https://prod.example:6443)", connection.Describe());
        Assert.DoesNotContain(Token, connection.Describe(), StringComparison.Ordinal);
    }

    private const string Token = "kubeconfig-token-9b8a7c6d5e4f";

    private KubernetesConnection Create(KubernetesConnectionOptions options, string? kubeconfigVariable = null) =>
        KubernetesConnection.Create(options, name => name == "KUBECONFIG" ? kubeconfigVariable : null, _folder.FullName);

    private string Write(string name, string config, string current)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, config + $"current-context: {current}\n");
        return path;
    }

    /// <summary>A kubeconfig with one cluster, user and context per entry, all named alike.</summary>
    private static string Config(params (string Name, string Server, string? Namespace)[] entries) =>
        "apiVersion: v1\nkind: Config\nclusters:\n"
        + string.Concat(entries.Select(e => $"- name: {e.Name}\n  cluster:\n    server: {e.Server}\n"))
        + "users:\n"
        + string.Concat(entries.Select(e => $"- name: {e.Name}\n  user:\n    token: {Token}\n"))
        + "contexts:\n"
        + string.Concat(entries.Select(e => $"- name: {e.Name}\n  context:\n    cluster: {e.Name}\n    user: {e.Name}\n" + (e.Namespace is null ? "" : $"    namespace: {e.Namespace}\n")));
}
