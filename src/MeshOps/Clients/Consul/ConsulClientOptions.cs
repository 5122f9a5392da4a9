namespace MeshOps.Clients.Consul;

/// <summary>
/// What the caller says about the Consul server; each value set here overrides its CONSUL_* variable, and each left
/// null falls back to it (<see cref="ConsulSettings.Resolve"/>), as the consul CLI's flags override its environment.
/// </summary>
public sealed record ConsulClientOptions
{
    /// <summary>host:port or a URL (http://, https://), as CONSUL_HTTP_ADDR.</summary>
    public string? Address { get; init; }

    /// <summary>The ACL token (CONSUL_HTTP_TOKEN).</summary>
    public ConsulToken? Token { get; init; }

    /// <summary>A file holding the ACL token (CONSUL_HTTP_TOKEN_FILE); it wins over a token from the environment, as in the CLI.</summary>
    public string? TokenFile { get; init; }

    /// <summary>A PEM file of the CA that signed the server's certificate (CONSUL_CACERT).</summary>
    public string? CaCertFile { get; init; }

    /// <summary>HTTPS for an address given without a scheme (CONSUL_HTTP_SSL).</summary>
    public bool? UseTls { get; init; }

    /// <summary>False skips verifying the server's certificate (CONSUL_HTTP_SSL_VERIFY); on unless turned off.</summary>
    public bool? VerifyTls { get; init; }

    /// <summary>The Enterprise namespace for every request (CONSUL_NAMESPACE, sent as ns=).</summary>
    public string? Namespace { get; init; }

    /// <summary>The Enterprise admin partition for every request (CONSUL_PARTITION, sent as partition=).</summary>
    public string? Partition { get; init; }

    public ClientTimeouts? Timeouts { get; init; }

    /// <summary>
    /// The transport to send through instead of a direct connection: the live source gives one that tunnels through a
    /// Kubernetes port-forward to the consul-server pod. TLS settings then belong to that handler.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>What the user should check when nothing answers, when the caller knows better than "set CONSUL_HTTP_ADDR" (a port-forward).</summary>
    public string? ConnectionAdvice { get; init; }

    /// <summary>Told of each retry (for -Verbose).</summary>
    public Action<RetryNotice>? OnRetry { get; init; }
}
