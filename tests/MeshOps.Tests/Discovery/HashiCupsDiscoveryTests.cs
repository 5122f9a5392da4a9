using MeshOps.Discovery;
using MeshOps.Model;
using MeshOps.Secrets;

namespace MeshOps.Tests.Discovery;

public class HashiCupsDiscoveryTests
{
    private const string Primary = "hashicups/setups-local-k8s/k8s/";
    private const string GetStarted = "hashicups/getstarted-local/hashicups/v1/";

    [Fact]
    public void Products_api_db_configmap_names_postgres_5432_with_the_password_redacted()
    {
        var config = ReferenceManifests.ConfigMapValue(Primary + "products-api.yaml", "db-configmap", "config");

        var result = ConfigValueScanner.Scan(config);

        var endpoint = Assert.Single(result.Endpoints);
        Assert.Equal(("postgres", 5432, EndpointOrigin.ConnectionString), (endpoint.Host, endpoint.Port, endpoint.Origin));
        Assert.Equal("db_connection", endpoint.Key);
        Assert.Contains("password=***", endpoint.Excerpt);
        Assert.DoesNotContain("password=password", endpoint.Excerpt);
        Assert.Equal([(null, 9090), (null, 9103)], result.Binds.Select(b => (b.Host, b.Port)));
    }

    [Theory]
    [InlineData(GetStarted + "product-api.yaml", "product-api-db")]
    [InlineData("hashicups/client-eks-l7/product-api.yaml", "postgres")]
    public void Other_sets_db_configmaps_name_their_database(string file, string database)
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan(ReferenceManifests.ConfigMapValue(file, "db-configmap", "config")).Endpoints);

        Assert.Equal((database, 5432), (endpoint.Host, endpoint.Port));
        Assert.Empty(SecretRedactor.FindCredentials(endpoint.Excerpt));
    }

    [Fact]
    public void Postgres_password_variable_is_a_credential_name()
    {
        var env = ReferenceManifests.ContainerEnv(Primary + "postgres.yaml", "postgres", "postgres");

        Assert.Equal(["POSTGRES_PASSWORD"], env.Where(e => SecretRedactor.IsCredentialName(e.Name)).Select(e => e.Name));
    }

    [Fact]
    public void Primary_nginx_resolves_the_upstream_block_and_the_api_location()
    {
        var config = ReferenceManifests.ConfigMapValue(Primary + "nginx.yaml", "nginx-configmap", "config");

        var result = NginxConfigScanner.Scan(config);

        Assert.Equal(
            [("frontend", 3000, EndpointOrigin.NginxUpstreamServer), ("public-api", 8080, EndpointOrigin.NginxProxyPass)],
            result.Endpoints.Select(e => (e.Host, e.Port, e.Origin)));
        Assert.Equal("proxy_pass http://frontend_upstream; -> server frontend:3000;", result.Endpoints[0].Excerpt);
        Assert.Equal((null, 80), (Assert.Single(result.Binds).Host, result.Binds[0].Port));
    }

    [Fact]
    public void Getstarted_nginx_reaches_its_upstreams_on_loopback()
    {
        var config = ReferenceManifests.ConfigMapValue(GetStarted + "nginx.yaml", "nginx-config", "nginx.conf");

        var result = NginxConfigScanner.Scan(config);

        Assert.Equal([("127.0.0.1", 3000), ("127.0.0.1", 8080)], result.Endpoints.Select(e => (e.Host, e.Port)));
        Assert.All(result.Endpoints, e => Assert.True(e.IsLoopback));
    }

    [Fact]
    public void Client_eks_frontend_nginx_proxies_api_to_public_api()
    {
        var config = ReferenceManifests.ConfigMapValue("hashicups/client-eks-l7/frontend.yaml", "nginx-configmap", "config");

        var endpoint = Assert.Single(NginxConfigScanner.Scan(config).Endpoints);

        Assert.Equal(("public-api", 8080, "http"), (endpoint.Host, endpoint.Port, endpoint.Scheme));
    }

    [Fact]
    public void Public_api_env_names_products_api_and_payments_and_binds_8080()
    {
        var env = ReferenceManifests.ContainerEnv(Primary + "public-api.yaml", "public-api", "public-api");

        var results = env.Select(e => EnvVarScanner.Scan(e.Name, e.Value)).ToList();

        Assert.Equal(
            [("products-api", 9090, EndpointOrigin.EnvUrl), ("payments", 1800, EndpointOrigin.EnvUrl)],
            results.SelectMany(r => r.Endpoints).Select(e => (e.Host, e.Port, e.Origin)));
        var bind = Assert.Single(results.SelectMany(r => r.Binds));
        Assert.Equal((null, 8080, "BIND_ADDRESS"), (bind.Host, bind.Port, bind.Key));
    }

    [Fact]
    public void Jaeger_agent_argument_names_the_headless_collector()
    {
        var args = ReferenceManifests.ContainerArgs(Primary + "public-api.yaml", "public-api", "jaeger-agent");

        var endpoint = Assert.Single(CommandLineScanner.Scan(args).Endpoints);

        Assert.Equal(("jaeger-collector-headless.default", 14250, "dns"), (endpoint.Host, endpoint.Port, endpoint.Scheme));
        Assert.Equal(new ServiceHostName("jaeger-collector-headless", "default"), endpoint.Service);
    }

    [Fact]
    public void Getstarted_upstream_annotations_are_explicit_upstreams()
    {
        var publicApi = ConnectServiceUpstreams.Parse(ReferenceManifests.PodAnnotation(GetStarted + "public-api.yaml", "public-api", ConsulAnnotations.ConnectServiceUpstreams));
        var nginx = ConnectServiceUpstreams.Parse(ReferenceManifests.PodAnnotation(GetStarted + "nginx.yaml", "nginx", ConsulAnnotations.ConnectServiceUpstreams));

        Assert.Empty(publicApi.Errors);
        Assert.Equal([("product-api", 9090), ("payments", 1800)], publicApi.Upstreams.Select(u => (u.Service, u.LocalPort)));
        Assert.Equal([("frontend", 3000), ("public-api", 8080)], nginx.Upstreams.Select(u => (u.Service, u.LocalPort)));
    }

    [Fact]
    public void Getstarted_public_api_env_calls_its_upstreams_on_localhost()
    {
        var env = ReferenceManifests.ContainerEnv(GetStarted + "public-api.yaml", "public-api", "public-api");

        var endpoints = env.SelectMany(e => EnvVarScanner.Scan(e.Name, e.Value).Endpoints).ToList();

        Assert.Equal([9090, 1800], endpoints.Select(e => e.Port!.Value));
        Assert.All(endpoints, e => Assert.True(e.IsLoopback));
    }

    [Fact]
    public void Client_eks_postgres_listens_on_loopback_only()
    {
        var args = ReferenceManifests.ContainerArgs("hashicups/client-eks-l7/postgres.yaml", "postgres", "postgres");

        var bind = Assert.Single(CommandLineScanner.Scan(args).Binds);

        Assert.Equal(("127.0.0.1", 5432, true), (bind.Host, bind.Port, bind.IsLoopback));
        Assert.Equal("-c listen_addresses=127.0.0.1", bind.Excerpt);
    }

    [Fact]
    public void Products_api_config_file_path_is_not_an_endpoint()
    {
        var env = ReferenceManifests.ContainerEnv(Primary + "products-api.yaml", "products-api", "products-api");

        Assert.All(env, e => Assert.Same(DiscoveryResult.Empty, EnvVarScanner.Scan(e.Name, e.Value)));
    }
}
