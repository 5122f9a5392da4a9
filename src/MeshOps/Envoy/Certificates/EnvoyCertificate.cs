namespace MeshOps.Envoy.Certificates;

/// <summary>
/// One certificate of an SSL context in <c>/certs</c>, with its time to expiry and a status judged by the fraction of
/// its lifetime used (see <see cref="EnvoyCertificateStatus"/>), as of <see cref="CheckedAt"/>.
/// </summary>
public sealed record EnvoyCertificate
{
    /// <summary>The fraction of the lifetime past which a certificate is <see cref="EnvoyCertificateStatus.RenewalOverdue"/>.</summary>
    public const double RenewalOverdueFraction = 0.9;

    public required EnvoySource Source { get; init; }

    /// <summary>The pod whose sidecar answered; null for a URL or file.</summary>
    public string? Pod => Source.Pod;

    /// <summary>The pod's Kubernetes namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    /// <summary>The 0-based position of the SSL context in <c>/certs</c> (Envoy lists one per TLS context: listener, upstream clusters).</summary>
    public int Context { get; init; }

    public EnvoyCertificateRole Role { get; init; }

    /// <summary>Where Envoy loaded it from: a file path, <c>&lt;inline&gt;</c>, or <c>&lt;sds secret&gt;: &lt;inline&gt;</c>.</summary>
    public string? Path { get; init; }

    public string? SerialNumber { get; init; }

    /// <summary>The first SPIFFE URI SAN (<c>spiffe://&lt;td&gt;/ns/default/dc/dc1/svc/web</c>), if any.</summary>
    public string? SpiffeId => SubjectAltNames.FirstOrDefault(s => s.StartsWith("URI:spiffe://", StringComparison.Ordinal))?[4..];

    /// <summary>The Consul service a SPIFFE ID names (<c>…/svc/&lt;service&gt;</c>); null for a CA or a foreign ID.</summary>
    public string? Service
    {
        get
        {
            var marker = SpiffeId?.LastIndexOf("/svc/", StringComparison.Ordinal) ?? -1;
            return marker < 0 ? null : SpiffeId![(marker + 5)..];
        }
    }

    /// <summary>The SANs as <c>URI:…</c>, <c>DNS:…</c> or <c>IP:…</c>.</summary>
    public IReadOnlyList<string> SubjectAltNames { get; init; } = [];

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>Envoy's whole days to expiry (floored, so 0 for a Consul leaf with less than 24 h left: normal, not alarming).</summary>
    public long? DaysUntilExpiration { get; init; }

    /// <summary>When the status was judged (the time the answer was read).</summary>
    public DateTimeOffset CheckedAt { get; init; }

    public TimeSpan? Lifetime => ValidFrom is { } from && ExpirationTime is { } to ? to - from : null;

    /// <summary>Time left at <see cref="CheckedAt"/>; negative once expired.</summary>
    public TimeSpan? TimeToExpiry => ExpirationTime is { } to ? to - CheckedAt : null;

    /// <summary>The fraction of the lifetime used at <see cref="CheckedAt"/> (0 to 1, above 1 once expired).</summary>
    public double? LifetimeUsed => Lifetime is { } life && life > TimeSpan.Zero ? (CheckedAt - ValidFrom!.Value) / life : null;

    public EnvoyCertificateStatus Status
    {
        get
        {
            if (ExpirationTime is { } to && CheckedAt >= to)
                return EnvoyCertificateStatus.Expired;
            if (ValidFrom is { } from && CheckedAt < from)
                return EnvoyCertificateStatus.NotYetValid;
            return LifetimeUsed >= RenewalOverdueFraction ? EnvoyCertificateStatus.RenewalOverdue : EnvoyCertificateStatus.Valid;
        }
    }

    public bool Equals(EnvoyCertificate? other) =>
        other is not null && Source == other.Source && Context == other.Context && Role == other.Role && Path == other.Path
        && SerialNumber == other.SerialNumber && SubjectAltNames.SequenceEqual(other.SubjectAltNames) && ValidFrom == other.ValidFrom
        && ExpirationTime == other.ExpirationTime && DaysUntilExpiration == other.DaysUntilExpiration && CheckedAt == other.CheckedAt;

    public override int GetHashCode() => HashCode.Combine(Source, Context, Role, SerialNumber, ExpirationTime);

    public override string ToString() => $"{Role} {SpiffeId ?? SerialNumber}";
}
