namespace MeshOps.Clients.Consul;

/// <summary>GET /v1/connect/ca/roots: the trust domain and the Connect CA roots, the active one named by <see cref="ActiveRootId"/>.</summary>
public sealed record ConsulCaRoots
{
    public string ActiveRootId { get; init; } = "";

    public string TrustDomain { get; init; } = "";

    public IReadOnlyList<ConsulCaRoot> Roots { get; init; } = [];
}

public sealed record ConsulCaRoot
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public long SerialNumber { get; init; }

    public string SigningKeyId { get; init; } = "";

    public string ExternalTrustDomain { get; init; } = "";

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset NotAfter { get; init; }

    /// <summary>The root certificate, PEM.</summary>
    public string RootCert { get; init; } = "";

    public IReadOnlyList<string>? IntermediateCerts { get; init; }

    public bool Active { get; init; }

    public string PrivateKeyType { get; init; } = "";

    public int PrivateKeyBits { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}
