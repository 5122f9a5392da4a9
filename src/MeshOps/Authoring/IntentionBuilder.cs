using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// Declares the ServiceIntentions of mesh <typeparamref name="TMesh"/>. Sources and destinations are service handles,
/// so a name that is not a declared service of this mesh does not compile. The compiler evaluates the declared
/// intentions the way Consul does and reports every declared upstream they deny (MESH201), and L7 permissions on a
/// destination that does not speak HTTP (MESH204).
/// </summary>
/// <example><code>
/// intentions
///     .DenyAll()
///     .Allow&lt;Nginx, Frontend&gt;()                                                   // L4: every connection
///     .Allow&lt;Nginx, PublicApi&gt;(http => http.PathPrefix("/api").Methods(HttpMethod.Get, HttpMethod.Post))
///     .Permissions&lt;Admin, PublicApi&gt;(p => p
///         .Deny(http => http.PathPrefix("/api/admin/keys"))
///         .Allow(http => http.PathPrefix("/api/admin")));
/// </code></example>
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

    /// <summary>The allow, deny and L7 intentions, in the order they were declared.</summary>
    public IReadOnlyList<DeclaredIntention> Declared => declared;

    /// <summary>
    /// Zero trust: a ServiceIntentions <c>deny-all</c> from <c>*</c> to <c>*</c>. Exact intentions take precedence
    /// over it, so each allowed call needs its own <see cref="Allow{TSource, TDestination}()"/>.
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
        Add(new DeclaredIntention(TSource.Spec.Name, TDestination.Spec.Name, IntentionAction.Allow));

    /// <summary>Refuses connections from <typeparamref name="TSource"/> to <typeparamref name="TDestination"/>.</summary>
    public IntentionBuilder<TMesh> Deny<TSource, TDestination>()
        where TSource : IMeshService<TMesh>
        where TDestination : IMeshService<TMesh> =>
        Add(new DeclaredIntention(TSource.Spec.Name, TDestination.Spec.Name, IntentionAction.Deny));

    /// <summary>
    /// L7: lets <typeparamref name="TSource"/> send <typeparamref name="TDestination"/> only the HTTP requests that
    /// match <paramref name="request"/>; Envoy answers others with 403 under <see cref="DenyAll"/>. The destination must
    /// speak http, http2 or grpc (else MESH204: the Consul server refuses the whole ServiceIntentions).
    /// </summary>
    public IntentionBuilder<TMesh> Allow<TSource, TDestination>(Action<HttpMatch> request)
        where TSource : IMeshService<TMesh>
        where TDestination : IMeshService<TMesh> =>
        AddL7(TSource.Spec.Name, TDestination.Spec.Name, p => p.Allow(request));

    /// <summary>
    /// L7: refuses the HTTP requests from <typeparamref name="TSource"/> to <typeparamref name="TDestination"/> that
    /// match <paramref name="request"/>; other requests get the default. The destination must speak http, http2 or grpc.
    /// </summary>
    public IntentionBuilder<TMesh> Deny<TSource, TDestination>(Action<HttpMatch> request)
        where TSource : IMeshService<TMesh>
        where TDestination : IMeshService<TMesh> =>
        AddL7(TSource.Spec.Name, TDestination.Spec.Name, p => p.Deny(request));

    /// <summary>
    /// L7: an ordered list of allow and deny permissions for requests from <typeparamref name="TSource"/> to
    /// <typeparamref name="TDestination"/>; the first that matches a request decides. The destination must speak
    /// http, http2 or grpc.
    /// </summary>
    public IntentionBuilder<TMesh> Permissions<TSource, TDestination>(Action<HttpPermissions> permissions)
        where TSource : IMeshService<TMesh>
        where TDestination : IMeshService<TMesh>
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return AddL7(TSource.Spec.Name, TDestination.Spec.Name, permissions);
    }

    /// <summary>
    /// A request match Consul refuses fails here with Consul's message and where Consul would say it is: the source's
    /// index in the ServiceIntentions the mesh writes for <paramref name="destination"/>, and the permission's in it.
    /// New-MeshIntention and the analyzer word it the same.
    /// </summary>
    private IntentionBuilder<TMesh> AddL7(string source, string destination, Action<HttpPermissions> declare)
    {
        var list = new HttpPermissions();
        try
        {
            declare(list);
        }
        catch (Exception e) when (e is InvalidOperationException or (ArgumentException and not ArgumentNullException and not InvalidIntentionException))
        {
            var index = declared.Count(i => i.Destination == destination);
            throw new InvalidIntentionException(MeshOps.Rules.Intentions.HttpRequestMatchCheck.At(index, list.Count) + InvalidIntentionException.ConsulText(e), e);
        }

        return Add(new DeclaredIntention(source, destination, null, list.Build()));
    }

    private IntentionBuilder<TMesh> Add(DeclaredIntention intention)
    {
        declared.Add(intention);
        return this;
    }
}

/// <summary>
/// One declared intention between two services of a mesh: an L4 <paramref name="Action"/>, or (with Action null) the
/// ordered L7 <paramref name="Permissions"/>. Consul requires exactly one of the two.
/// </summary>
public sealed record DeclaredIntention(string Source, string Destination, IntentionAction? Action, IReadOnlyList<ServiceIntentionsPermission> Permissions)
{
    /// <summary>An L4 intention: <paramref name="action"/> applies to every connection.</summary>
    public DeclaredIntention(string source, string destination, IntentionAction action)
        : this(source, destination, action, [])
    {
    }

    /// <summary>True when the intention carries HTTP permissions.</summary>
    public bool IsL7 => Permissions.Count > 0;
}
