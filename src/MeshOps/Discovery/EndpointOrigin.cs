namespace MeshOps.Discovery;

/// <summary>The syntax an endpoint was found in, so a finding can say how the app names its upstream.</summary>
public enum EndpointOrigin
{
    /// <summary>An environment variable holding a URL: <c>http://products-api:9090</c>.</summary>
    EnvUrl,

    /// <summary>An environment variable holding a bare <c>host:port</c>.</summary>
    EnvHostPort,

    /// <summary>A database connection string: libpq <c>host=… port=…</c>, key/value <c>Host=…;Port=…</c> or a database URL.</summary>
    ConnectionString,

    /// <summary>A JDBC URL: <c>jdbc:postgresql://host:5432/db</c>.</summary>
    JdbcUrl,

    /// <summary>A URL or <c>host:port</c> in a JSON string value (or a host/port pair of a JSON object).</summary>
    JsonValue,

    /// <summary>A URL in free configuration text.</summary>
    ConfigUrl,

    /// <summary>A <c>key: host:port</c> or <c>key=host:port</c> line of configuration text.</summary>
    ConfigHostPort,

    /// <summary>A container argument: <c>--reporter.grpc.host-port=dns:///collector:14250</c>.</summary>
    CommandArgument,

    NginxProxyPass,
    NginxGrpcPass,

    /// <summary>A <c>server</c> of an nginx <c>upstream</c> block that a proxy_pass or grpc_pass names.</summary>
    NginxUpstreamServer,
}
