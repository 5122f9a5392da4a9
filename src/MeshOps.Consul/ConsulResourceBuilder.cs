namespace MeshOps.Consul;

/// <summary>
/// What every generated resource builder (<c>ServiceDefaultsBuilder</c>, a user CRD's <c>WidgetBuilder</c>) shares: the
/// standard metadata and <see cref="Build"/>. The generator emits only the kind's own methods in the derived class.
/// </summary>
/// <typeparam name="TSelf">The derived builder, which every fluent method returns.</typeparam>
/// <typeparam name="TResource">The resource the builder changes in place.</typeparam>
public abstract class ConsulResourceBuilder<TSelf, TResource>
    where TSelf : ConsulResourceBuilder<TSelf, TResource>
    where TResource : class, IMeshResource
{
    /// <summary>Starts from <paramref name="value"/>, which the builder changes in place.</summary>
    protected ConsulResourceBuilder(TResource value) =>
        Resource = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The resource being built.</summary>
    protected TResource Resource { get; }

    /// <summary>Sets <c>metadata.namespace</c>.</summary>
    public TSelf WithNamespace(string value)
    {
        Resource.Metadata.NamespaceProperty = value;
        return (TSelf)this;
    }

    /// <summary>Sets one entry of <c>metadata.labels</c>.</summary>
    public TSelf WithLabel(string key, string value)
    {
        (Resource.Metadata.Labels ??= new Dictionary<string, string>())[key] = value;
        return (TSelf)this;
    }

    /// <summary>Sets one entry of <c>metadata.annotations</c>.</summary>
    public TSelf WithAnnotation(string key, string value)
    {
        (Resource.Metadata.Annotations ??= new Dictionary<string, string>())[key] = value;
        return (TSelf)this;
    }

    /// <summary>Returns the built resource.</summary>
    public TResource Build() => Resource;
}
