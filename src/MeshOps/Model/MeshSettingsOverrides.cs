namespace MeshOps.Model;

/// <summary>
/// Settings the caller decides instead of the inputs. Each one that is set wins over Helm values, labels and defaults,
/// and findings that depend on it name it with <see cref="DescribeOrigin"/>.
/// </summary>
public sealed record MeshSettingsOverrides
{
    public DefaultPolicy? DefaultPolicy { get; init; }

    public bool? TransparentProxy { get; init; }

    public bool? AclsEnabled { get; init; }

    /// <summary>Services installed elsewhere (a Helm chart, another folder) that count as existing; only their names are known.</summary>
    public IReadOnlyList<KnownService> KnownServices { get; init; } = [];

    /// <summary>
    /// How a finding names an override, from the option's name (<c>AclsEnabled</c>): the SDK says
    /// <c>AnalysisOptions.AclsEnabled</c>; the PowerShell module says <c>-AclsEnabled parameter</c>.
    /// </summary>
    public Func<string, string> DescribeOrigin { get; init; } = name => $"AnalysisOptions.{name}";

    public static readonly MeshSettingsOverrides None = new();
}
