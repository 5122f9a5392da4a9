using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>What to analyse and which findings to keep.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Only report on objects in this namespace (objects without one count as "default").</summary>
    public string? Namespace { get; init; }

    /// <summary>When not empty, only these rule IDs run.</summary>
    public IReadOnlyCollection<string> IncludeRules { get; init; } = [];

    public IReadOnlyCollection<string> ExcludeRules { get; init; } = [];

    public Severity MinimumSeverity { get; init; } = Severity.Info;

    /// <summary>
    /// The decision when no intention matches. Null: read it from the inputs (ACLs on in the Helm values mean deny,
    /// otherwise allow, as Consul does).
    /// </summary>
    public DefaultPolicy? DefaultPolicy { get; init; }

    /// <summary>Overrides the mesh-wide transparent proxy default read from the Helm values; pod annotations still win.</summary>
    public bool? TransparentProxy { get; init; }

    /// <summary>Overrides whether ACLs are enabled (Helm global.acls.manageSystemACLs).</summary>
    public bool? AclsEnabled { get; init; }

    /// <summary>
    /// Services installed elsewhere (a Helm chart, another folder of the repository), as <c>name</c> or
    /// <c>name.namespace</c>: they count as existing for MESH104 (call target), MESH105 (only their existence is known,
    /// so no port is checked) and MESH202 (intention names). A name without a namespace counts in every namespace.
    /// </summary>
    public IReadOnlyCollection<string> KnownServices { get; init; } = [];

    /// <summary>
    /// How findings name a setting this caller decided, from the option's name (<c>AclsEnabled</c>); by default
    /// <c>AnalysisOptions.AclsEnabled</c>. A front end that exposes the options under other names says so here.
    /// </summary>
    public Func<string, string> DescribeOverride { get; init; } = DescribeSdkOption;

    public static readonly AnalysisOptions Default = new();

    // The namespace that kubectl -n would give namespace-less objects is a reading option: the loader applies it.
    private static string DescribeSdkOption(string name) =>
        name == "Namespace" ? "LoaderOptions.Namespace" : $"AnalysisOptions.{name}";

    /// <summary>The settings this caller decided, for the model builder.</summary>
    /// <exception cref="ArgumentException">An entry of <see cref="KnownServices"/> is not <c>name</c> or <c>name.namespace</c>.</exception>
    public MeshSettingsOverrides SettingsOverrides => new()
    {
        DefaultPolicy = DefaultPolicy,
        TransparentProxy = TransparentProxy,
        AclsEnabled = AclsEnabled,
        KnownServices = [.. KnownServices.Select(name => KnownService.Parse(name, DescribeOverride(nameof(KnownServices))))],
        DescribeOrigin = DescribeOverride,
    };
}
