namespace MeshOps.Discovery;

/// <summary>Endpoints and listen addresses named by one container environment variable.</summary>
public static class EnvVarScanner
{
    /// <summary>
    /// <c>PRODUCT_API_URI=http://products-api:9090</c> gives an endpoint; <c>BIND_ADDRESS=:8080</c> a bind. Values that
    /// are paths, words or numbers give nothing.
    /// </summary>
    public static DiscoveryResult Scan(string name, string value)
    {
        var collector = new DiscoveryCollector();
        collector.AddKeyValue(name, value, EndpointOrigin.EnvUrl, EndpointOrigin.EnvHostPort);
        return collector.ToResult();
    }
}
