using System.Globalization;
using k8s;
using MeshOps.Consul;
using MeshOps.Rules.Intentions;
using MeshOps.Sources;

namespace MeshOps.Authoring;

/// <summary>
/// Turns <see cref="IntentionRequest"/>s into ServiceIntentions, one per destination as Consul requires, and runs the
/// Consul server's validation on what it writes, so a refused combination fails here with the server's message
/// (<see cref="InvalidIntentionException"/>) instead of at apply time.
/// </summary>
public static class IntentionComposer
{
    // Consul's limit (structs.metaValueMaxLength, checked for Sources[i].Description).
    private const int MaxDescriptionLength = 512;

    // A Kubernetes name cannot be "*", so the ServiceIntentions of the wildcard destination needs another.
    private const string WildcardDestinationName = "all-services";

    /// <summary>A new ServiceIntentions for the request's destination, named after it.</summary>
    /// <exception cref="InvalidIntentionException">Consul would refuse the entry.</exception>
    public static ServiceIntentions Compose(IntentionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckName(request.Destination, string.Empty);
        var name = request.Destination == ConsulNames.Wildcard ? WildcardDestinationName : request.Destination;
        var intentions = ServiceIntentions.Create(name, request.Destination).Build();
        intentions.Spec.Sources = [];
        return AddSources(intentions, request);
    }

    /// <summary>
    /// A copy of <paramref name="into"/> with the request's sources added after its own; <paramref name="into"/> is
    /// left unchanged. A source it already has is an error (Consul's "defines … more than once"), never a merge.
    /// </summary>
    /// <exception cref="ArgumentException">The request is for another destination.</exception>
    /// <exception cref="InvalidIntentionException">Consul would refuse the entry.</exception>
    public static ServiceIntentions Compose(IntentionRequest request, ServiceIntentions into)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(into);
        if (!string.Equals(into.Spec.Destination?.Name, request.Destination, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The request is for destination '{request.Destination}', not '{into.Spec.Destination?.Name}'.", nameof(request));
        }

        return AddSources(Copy(into), request);
    }

    /// <summary>
    /// One ServiceIntentions holding the sources of both, <paramref name="first"/>'s metadata kept; both are left unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">They are for different destinations.</exception>
    /// <exception cref="InvalidIntentionException">A source is in both, or the result is otherwise refused by Consul.</exception>
    public static ServiceIntentions Merge(ServiceIntentions first, ServiceIntentions second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!SameDestination(first, second))
        {
            throw new ArgumentException($"'{second.Spec.Destination?.Name}' is another destination than '{first.Spec.Destination?.Name}'.", nameof(second));
        }

        var merged = Copy(first);
        var sources = merged.Spec.Sources ??= [];
        foreach (var source in Copy(second).Spec.Sources ?? [])
        {
            sources.Add(source);
        }

        Validate(merged);
        return merged;
    }

    /// <summary>True when Consul reads both as the entry of one destination (name and namespace, an empty namespace being "default").</summary>
    public static bool SameDestination(ServiceIntentions first, ServiceIntentions second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return string.Equals(Key(first), Key(second), StringComparison.Ordinal);
    }

    private static string Key(ServiceIntentions intentions) =>
        ConsulNames.Qualified(intentions.Spec.Destination?.Namespace, intentions.Spec.Destination?.Name ?? string.Empty);

    private static ServiceIntentions AddSources(ServiceIntentions intentions, IntentionRequest request)
    {
        if (request.Sources is null or { Count: 0 })
        {
            throw new InvalidIntentionException("At least one source is required");
        }

        var sources = intentions.Spec.Sources ??= [];
        foreach (var name in request.Sources)
        {
            sources.Add(Source(sources.Count, name, request));
        }

        Validate(intentions);
        return intentions;
    }

    private static ServiceIntentionsSource Source(int index, string name, IntentionRequest request)
    {
        var at = "Sources[" + index.ToString(CultureInfo.InvariantCulture) + "].";
        CheckName(name, at);
        if (request.Description is { Length: > MaxDescriptionLength })
        {
            throw new InvalidIntentionException(at + "Description exceeds maximum length " + MaxDescriptionLength.ToString(CultureInfo.InvariantCulture));
        }

        var source = new ServiceIntentionsSource { Name = name, Description = request.Description };
        var l7 = request.Http is not null || request.PermissionAction is not null;
        if (!l7)
        {
            source.Action = request.Action ?? throw new InvalidIntentionException(at + "Action must be set to 'allow' or 'deny'");
            return source;
        }

        if (request.Action is not null)
        {
            throw new InvalidIntentionException(at + "Action must be omitted if Permissions are specified");
        }

        if (request.Destination == ConsulNames.Wildcard)
        {
            throw new InvalidIntentionException(at + "Permissions cannot be specified on intentions with wildcarded destinations");
        }

        var permission = at + "Permissions[0].";
        var action = request.PermissionAction ?? throw new InvalidIntentionException(permission + "Action must be set to 'allow' or 'deny'");
        var http = request.Http ?? throw new InvalidIntentionException(permission + "HTTP is required");
        try
        {
            source.Permissions = HttpPermissions.Single(action, http).ToList();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // HttpMatch words its checks as Consul does from "HTTP" on; Consul prefixes where the permission is.
            throw new InvalidIntentionException(permission + InvalidIntentionException.ConsulText(e), e);
        }

        return source;
    }

    // validateIntentionWildcards: "*" alone, or no wildcard at all.
    private static void CheckName(string? name, string at)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidIntentionException(at + "Name is required");
        }

        if (name != ConsulNames.Wildcard && name.Contains('*', StringComparison.Ordinal))
        {
            throw new InvalidIntentionException(at + "Name: wildcard character '*' cannot be used with partial values");
        }
    }

    private static void Validate(ServiceIntentions intentions)
    {
        var spec = intentions.Spec;
        var entry = new IntentionEntry(
            spec.Destination?.Name ?? string.Empty,
            ConsulNames.NamespaceOrDefault(spec.Destination?.Namespace),
            (spec.Sources ?? []).Select(s => new IntentionSource(s.Name ?? string.Empty, ConsulNames.NamespaceOrDefault(s.Namespace), s.Partition, s.Peer, s.SamenessGroup, null, [], s.Description)).ToList(),
            null);
        if (IntentionValidation.DuplicateSources(entry) is [var duplicate, ..])
        {
            throw new InvalidIntentionException(duplicate.Message);
        }
    }

    // The caller's object stays as it was: PowerShell users keep references to what they piped.
    private static ServiceIntentions Copy(ServiceIntentions intentions) =>
        KindRegistry.Deserialize<ServiceIntentions>(KindRegistry.Serialize(intentions))!;
}
