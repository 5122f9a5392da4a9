using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ServiceIntentions</c>: which sources may call one destination service. Consul names the entry after <c>spec.destination.name</c>.</summary>
public sealed record ServiceIntentions : ConsulResource<ServiceIntentionsSpec>;

public sealed record ServiceIntentionsSpec
{
    [JsonPropertyName("destination")] public IntentionDestination? Destination { get; init; }

    [JsonPropertyName("sources")] public List<SourceIntention>? Sources { get; init; }

    [JsonPropertyName("jwt")] public IntentionJwtRequirement? Jwt { get; init; }
}

public sealed record IntentionDestination
{
    /// <summary>The service name, or "*" for all services.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
}

public sealed record SourceIntention
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("peer")] public string? Peer { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("samenessGroup")] public string? SamenessGroup { get; init; }

    /// <summary>"allow" or "deny"; mutually exclusive with <see cref="Permissions"/>.</summary>
    [JsonPropertyName("action")] public string? Action { get; init; }

    [JsonPropertyName("permissions")] public List<IntentionPermission>? Permissions { get; init; }

    [JsonPropertyName("description")] public string? Description { get; init; }
}

public sealed record IntentionPermission
{
    [JsonPropertyName("action")] public string? Action { get; init; }

    [JsonPropertyName("http")] public IntentionHttpPermission? Http { get; init; }

    [JsonPropertyName("jwt")] public IntentionJwtRequirement? Jwt { get; init; }
}

public sealed record IntentionHttpPermission
{
    [JsonPropertyName("pathExact")] public string? PathExact { get; init; }

    [JsonPropertyName("pathPrefix")] public string? PathPrefix { get; init; }

    [JsonPropertyName("pathRegex")] public string? PathRegex { get; init; }

    [JsonPropertyName("header")] public List<IntentionHttpHeaderPermission>? Header { get; init; }

    [JsonPropertyName("methods")] public List<string>? Methods { get; init; }
}

public sealed record IntentionHttpHeaderPermission
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("present")] public bool? Present { get; init; }

    [JsonPropertyName("exact")] public string? Exact { get; init; }

    [JsonPropertyName("prefix")] public string? Prefix { get; init; }

    [JsonPropertyName("suffix")] public string? Suffix { get; init; }

    [JsonPropertyName("contains")] public string? Contains { get; init; }

    [JsonPropertyName("regex")] public string? Regex { get; init; }

    [JsonPropertyName("ignoreCase")] public bool? IgnoreCase { get; init; }

    [JsonPropertyName("invert")] public bool? Invert { get; init; }
}

public sealed record IntentionJwtRequirement
{
    [JsonPropertyName("providers")] public List<IntentionJwtProvider>? Providers { get; init; }
}

public sealed record IntentionJwtProvider
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("verifyClaims")] public List<IntentionJwtClaimVerification>? VerifyClaims { get; init; }
}

public sealed record IntentionJwtClaimVerification
{
    [JsonPropertyName("path")] public List<string>? Path { get; init; }

    [JsonPropertyName("value")] public string? Value { get; init; }
}
