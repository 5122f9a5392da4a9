namespace MeshOps.Config;

/// <summary>
/// Declares the ServiceIntentions of mesh <typeparamref name="TMesh"/>. Sources and destinations are service handles,
/// so a name that is not a declared service of this mesh does not compile. The compiler evaluates the declared
/// intentions the way Consul does and reports every declared upstream they deny (MESH201).
/// </summary>
/// <typeparam name="TMesh">The mesh being configured.</typeparam>
public sealed class IntentionBuilder<TMesh>
    where TMesh : MeshDefinition<TMesh>
{
    private readonly List<DeclaredIntention> declared = [];

    internal IntentionBuilder()
    {
    }

    /// <summary>True once <see cref="DenyAll"/> was called.</summary>
    public bool DeniesAll { get; private set; }

    /// <summary>The allow and deny intentions, in the order they were declared.</summary>
    public IReadOnlyList<DeclaredIntention> Declared => declared;

    /// <summary>
    /// Zero trust: a ServiceIntentions <c>deny-all</c> from <c>*</c> to <c>*</c>. Exact intentions take precedence
    /// over it, so each allowed call needs its own <see cref="Allow{TSource, TDestination}"/>.
    /// </summary>
    public IntentionBuilder<TMesh> DenyAll()
    {
        DeniesAll = true;
        return this;
    }

    /// <summary>Lets <typeparamref name="TSource"/> connect to <typeparamref name="TDestination"/>.</summary>
    public IntentionBuilder<TMesh> Allow<TSource, TDestination>()
        where TSource : IMeshService<TMesh>
        where TDestination : IMeshService<TMesh> =>
        Add(TSource.Spec.Name, TDestination.Spec.Name, IntentionAction.Allow);

    /// <summary>Refuses connections from <typeparamref name="TSource"/> to <typeparamref name="TDestination"/>.</summary>
    public IntentionBuilder<TMesh> Deny<TSource, TDestination>()
        where TSource : IMeshService<TMesh>
        where TDestination : IMeshService<TMesh> =>
        Add(TSource.Spec.Name, TDestination.Spec.Name, IntentionAction.Deny);

    private IntentionBuilder<TMesh> Add(string source, string destination, IntentionAction action)
    {
        declared.Add(new DeclaredIntention(source, destination, action));
        return this;
    }
}

/// <summary>One declared intention between two services of a mesh.</summary>
public sealed record DeclaredIntention(string Source, string Destination, IntentionAction Action);
