namespace MeshOps.Authoring;

/// <summary>
/// A service this one calls, through transparent proxy by its Service name. The workload gets the address as an
/// environment variable (<c>&lt;NAME&gt;_ADDR=name:port</c>), and the compiler checks that intentions allow the call.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UpstreamAttribute(Type service) : Attribute
{
    /// <summary>The <see cref="MeshServiceAttribute"/> type called; it must be declared in the same mesh.</summary>
    public Type Service { get; } = service;

    /// <summary>The Service port called; 0 (unset) means the target's first Service port.</summary>
    public int Port { get; set; }
}
