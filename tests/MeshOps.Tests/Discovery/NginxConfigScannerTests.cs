using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class NginxConfigScannerTests
{
    [Theory]
    [InlineData("location / { proxy_pass http://public-api:8080; }", true)]
    [InlineData("location / {\n  grpc_pass grpc://backend:9000;\n}", true)]
    [InlineData("upstream backend {\n  server alpha:9000;\n}", true)]
    [InlineData("# upstream services\na=http://alpha:80\nb=http://bravo:80", false)]
    [InlineData("# proxy_pass http://old:80;\na=http://alpha:80", false)]
    [InlineData("db_password=secret\nupstream_url=http://alpha:80", false)]
    public void A_value_is_nginx_configuration_when_it_has_a_pass_directive_or_an_upstream_block_outside_comments(string text, bool isNginx) =>
        Assert.Equal(isNginx, NginxConfigScanner.IsNginxConfig(text));

    [Fact]
    public void Upstream_server_without_port_defaults_to_80_and_every_server_is_reported()
    {
        var result = NginxConfigScanner.Scan("""
            upstream api_pool {
              server api-a;
              server api-b:8080 weight=2;
            }
            server { location / { proxy_pass http://api_pool/v1; } }
            """);

        Assert.Equal([("api-a", 80), ("api-b", 8080)], result.Endpoints.Select(e => (e.Host, e.Port!.Value)));
        Assert.All(result.Endpoints, e => Assert.Equal(EndpointOrigin.NginxUpstreamServer, e.Origin));
    }

    [Theory]
    [InlineData("location /api { proxy_pass http://public-api:8080; }", "/api")]
    [InlineData("location ^~ /api/ { proxy_pass http://public-api:8080; }", "/api/")]
    [InlineData("location = /health { proxy_pass http://public-api:8080; }", "/health")]
    [InlineData("location /api { proxy_pass http://public-api:8080/v2/; }", "/v2/")]
    [InlineData("location /api { proxy_pass http://public-api:8080/v2?x=1; }", "/v2")]
    [InlineData("location ~ ^/api { proxy_pass http://public-api:8080; }", null)]
    [InlineData("server { proxy_pass http://public-api:8080; }", null)]
    [InlineData("location / { location /api { proxy_pass http://public-api:8080; } }", "/api")]
    [InlineData("location /api { } location /other { proxy_pass http://public-api:8080; }", "/other")]
    [InlineData("location /outer { location /inner { } proxy_pass http://public-api:8080; }", "/outer")]
    [InlineData("location /outer { if ($x) { } proxy_pass http://public-api:8080; }", "/outer")]
    [InlineData("server { location /api { } } server { proxy_pass http://public-api:8080; }", null)]
    [InlineData("location /outer { location /inner { rewrite ^ /x break; } proxy_pass http://public-api:8080; }", null)]
    [InlineData("location /api/ { rewrite ^/api/(.*)$ /$1 break; proxy_pass http://public-api:8080; }", null)]
    public void A_proxy_pass_request_path_starts_with_its_uri_or_else_its_location_prefix(string config, string? path)
    {
        // ngx_http_proxy_module: without a URI the request URI is passed unchanged; with one, it replaces the location part.
        var endpoint = Assert.Single(NginxConfigScanner.Scan("server { " + config + " }").Endpoints);

        Assert.Equal(path, endpoint.Path);
    }

    [Fact]
    public void Https_proxy_pass_without_port_uses_443()
    {
        var endpoint = Assert.Single(NginxConfigScanner.Scan("location / { proxy_pass https://billing.shop; }").Endpoints);

        Assert.Equal(("billing.shop", 443, "https"), (endpoint.Host, endpoint.Port, endpoint.Scheme));
    }

    [Theory]
    [InlineData("grpc_pass grpc://inventory:50051;", "inventory", 50051)]
    [InlineData("grpc_pass inventory:50051;", "inventory", 50051)]
    public void Grpc_pass_targets_are_endpoints(string directive, string host, int port)
    {
        var endpoint = Assert.Single(NginxConfigScanner.Scan("location / { " + directive + " }").Endpoints);

        Assert.Equal((host, port, "grpc", EndpointOrigin.NginxGrpcPass), (endpoint.Host, endpoint.Port, endpoint.Scheme, endpoint.Origin));
    }

    [Fact]
    public void Variables_sockets_and_comments_are_skipped()
    {
        var result = NginxConfigScanner.Scan("""
            # proxy_pass http://old-api:8080;
            location /a { proxy_pass http://$backend; }
            location /b { proxy_pass http://unix:/tmp/app.sock; }
            location /c { proxy_pass unix:/tmp/app.sock; }
            location /d { proxy_pass http://live-api:8080; } # proxy_pass http://other:1;
            """);

        Assert.Equal("live-api", Assert.Single(result.Endpoints).Host);
    }

    [Fact]
    public void Repeated_targets_are_reported_once()
    {
        var result = NginxConfigScanner.Scan("location /a { proxy_pass http://web:3000; } location /b { proxy_pass http://web:3000; }");

        // One endpoint whose requests may start with either location: only the shared "/" is certain.
        Assert.Equal("/", Assert.Single(result.Endpoints).Path);
    }

    [Fact]
    public void Repeated_targets_keep_the_path_both_locations_share_and_lose_it_when_one_is_unknown()
    {
        var shared = NginxConfigScanner.Scan("location /api/v1 { proxy_pass http://web:3000; } location /api/v2 { proxy_pass http://web:3000; }");
        var unknown = NginxConfigScanner.Scan("location /api { proxy_pass http://web:3000; } location ~ x { proxy_pass http://web:3000; }");

        Assert.Equal("/api/", Assert.Single(shared.Endpoints).Path);
        Assert.Null(Assert.Single(unknown.Endpoints).Path);
    }

    [Theory]
    [InlineData("listen 80;", null, 80)]
    [InlineData("listen 127.0.0.1:8080;", "127.0.0.1", 8080)]
    [InlineData("listen [::]:443 ssl;", null, 443)]
    [InlineData("listen *:80 default_server;", null, 80)]
    public void Listen_directives_are_binds(string directive, string? host, int port)
    {
        var bind = Assert.Single(NginxConfigScanner.Scan("server { " + directive + " }").Binds);

        Assert.Equal((host, port), (bind.Host, bind.Port));
    }

    [Fact]
    public void Target_with_a_variable_anywhere_is_skipped()
    {
        Assert.Empty(NginxConfigScanner.Scan("location / { proxy_pass http://backend/$request_uri; }").Endpoints);
    }

    [Fact]
    public void Proxy_pass_without_scheme_is_http()
    {
        var endpoint = Assert.Single(NginxConfigScanner.Scan("location / { proxy_pass api:8080; }").Endpoints);

        Assert.Equal(("api", 8080, "http", EndpointOrigin.NginxProxyPass), (endpoint.Host, endpoint.Port, endpoint.Scheme, endpoint.Origin));
    }

    [Fact]
    public void Target_starting_with_separator_is_not_an_endpoint()
    {
        Assert.Empty(NginxConfigScanner.Scan("location / { proxy_pass ://api:8080; }").Endpoints);
    }

    [Fact]
    public void Listen_bind_has_listen_key()
    {
        Assert.Equal("listen", Assert.Single(NginxConfigScanner.Scan("server { listen 8080; }").Binds).Key);
    }

    [Theory]
    [InlineData("location / { proxy_pass http://api:8080; add_header X-Note \"a b\"; # proxy_pass http://old:1; }")]
    [InlineData("location / { add_header X-Note \"a #b\"; proxy_pass http://api:8080; }")]
    [InlineData("location / { add_header X-Note 'a #b'; proxy_pass http://api:8080; }")]
    [InlineData("location / { proxy_pass http://api:8080;# proxy_pass http://old:1; }")]
    [InlineData("location / {# proxy_pass http://old:1;\nproxy_pass http://api:8080; }")]
    [InlineData("set $v a#b; proxy_pass http://api:8080;")]
    [InlineData("proxy_pass http://api:8080; #")]
    [InlineData("proxy_pass http://api:8080; # old: proxy_pass http://old:1; # x")]
    public void Hash_starts_a_comment_only_outside_quotes_and_after_a_separator(string config)
    {
        var endpoint = Assert.Single(NginxConfigScanner.Scan(config).Endpoints);

        Assert.Equal(("api", 8080), (endpoint.Host, endpoint.Port));
    }
}
