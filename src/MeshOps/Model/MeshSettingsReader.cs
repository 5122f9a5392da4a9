using System.Text.Json;
using MeshOps.Consul;
using MeshOps.Consul.Helm;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Resolves the mesh settings: an override from the caller wins, then the Helm values (a later values file overrides an earlier one,
/// as with <c>helm -f a.yaml -f b.yaml</c>), then the Mesh resource, then consul-k8s' chart defaults.
/// </summary>
internal static class MeshSettingsReader
{
    private const string ChartDefault = "consul-k8s chart default";

    public static MeshSettings Read(IEnumerable<ManifestResource> resources, MeshSettingsOverrides overrides)
    {
        var values = resources.Where(r => r.Model is ConsulHelmValues).ToList();
        var injectEnabled = FromValues(values, true, v => v.ConnectInject?.Enabled, "connectInject", "enabled");
        var injectDefault = FromValues(values, false, v => v.ConnectInject?.Default, "connectInject", "default");
        var tproxy = overrides.TransparentProxy is { } tproxyOverride
            ? new Setting<bool>(tproxyOverride, overrides.DescribeOrigin(nameof(overrides.TransparentProxy)))
            : FromValues(values, true, v => v.ConnectInject?.TransparentProxy?.DefaultEnabled, "connectInject", "transparentProxy", "defaultEnabled");
        var acls = overrides.AclsEnabled is { } aclsOverride
            ? new Setting<bool>(aclsOverride, overrides.DescribeOrigin(nameof(overrides.AclsEnabled)))
            : WithAuthMethodOverride(values, FromValues(values, false, v => v.Global?.Acls?.ManageSystemAcls, "global", "acls", "manageSystemACLs"));
        var tls = FromValues(values, false, v => v.Global?.Tls?.Enabled, "global", "tls", "enabled");

        return new MeshSettings
        {
            ConnectInjectEnabled = injectEnabled,
            ConnectInjectDefault = injectDefault,
            TransparentProxyDefault = tproxy,
            AclsEnabled = acls,
            TlsEnabled = tls,
            DefaultPolicy = DefaultPolicyOf(overrides, acls),
            MeshDestinationsOnly = MeshDestinationsOnly(resources),
            InjectionNamespaces = InjectionNamespacesOf(values),
            ConsulNamespaces = ConsulNamespacesOf(values),
            KnownServices = [.. overrides.KnownServices, .. values.SelectMany(ConsulChartServices.Infer)],
        };
    }

    /// <summary>With ACLs on, Consul's ACL default policy (deny) decides calls that no intention matches.</summary>
    private static Setting<DefaultPolicy> DefaultPolicyOf(MeshSettingsOverrides overrides, Setting<bool> acls) =>
        overrides.DefaultPolicy is { } policy
            ? new Setting<DefaultPolicy>(policy, overrides.DescribeOrigin(nameof(overrides.DefaultPolicy)))
            : acls.Value
                ? new Setting<DefaultPolicy>(DefaultPolicy.Deny, $"ACLs are enabled ({acls.Origin}), so the ACL default policy deny applies") { Assumed = acls.Assumed }
                : new Setting<DefaultPolicy>(DefaultPolicy.Allow, $"ACLs are disabled ({acls.Origin}), so Consul allows what no intention denies") { Assumed = acls.Assumed };

    /// <summary>The lists of the last values file that writes either (helm -f: a later file overrides an earlier one).</summary>
    private static InjectionNamespaces InjectionNamespacesOf(List<ManifestResource> values)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            var inject = ((ConsulHelmValues)values[i].Model!).ConnectInject;
            var allow = HelmConnectInject.NamespaceList(inject?.K8sAllowNamespaces);
            var deny = HelmConnectInject.NamespaceList(inject?.K8sDenyNamespaces);
            if (allow is not null || deny is not null)
            {
                return new InjectionNamespaces(allow ?? ["*"], deny ?? [], $"in {Short(values[i].LocationOf("connectInject"))}");
            }
        }

        return InjectionNamespaces.ChartDefault;
    }

    /// <summary>
    /// Each value from the last values file that writes it, else the chart default; without any values file nothing is
    /// known, since the values may live in another folder of the repository.
    /// </summary>
    private static ConsulNamespaces ConsulNamespacesOf(List<ManifestResource> values)
    {
        if (values.Count == 0)
        {
            return ConsulNamespaces.Unknown;
        }

        var enabled = FromValues(values, false, v => v.Global?.EnableConsulNamespaces, "global", "enableConsulNamespaces");
        var mirroring = FromValues(values, true, v => v.ConnectInject?.ConsulNamespaces?.MirroringK8S, "connectInject", "consulNamespaces", "mirroringK8S");
        var destination = values.Select(v => ((ConsulHelmValues)v.Model!).ConnectInject?.ConsulNamespaces?.ConsulDestinationNamespace).LastOrDefault(d => !string.IsNullOrEmpty(d));
        var prefix = values.Select(v => ((ConsulHelmValues)v.Model!).ConnectInject?.ConsulNamespaces?.MirroringK8SPrefix).LastOrDefault(p => p is not null);
        var origin = enabled.Origin == ChartDefault
            ? $"global.enableConsulNamespaces is not set in {string.Join(", ", values.Select(v => Short(v.Location)))}, and the chart default is false"
            : enabled.Origin;
        return new ConsulNamespaces(enabled.Value, destination ?? "default", mirroring.Value, prefix ?? string.Empty, origin);
    }

    private static Setting<bool> MeshDestinationsOnly(IEnumerable<ManifestResource> resources)
    {
        var mesh = resources.FirstOrDefault(r => r.Model is Mesh { Spec.TransparentProxy.MeshDestinationsOnly: not null });
        return mesh?.Model is Mesh { Spec.TransparentProxy.MeshDestinationsOnly: { } only }
            ? new Setting<bool>(only, $"Mesh {mesh.Name} at {Short(mesh.LocationOf("spec", "transparentProxy", "meshDestinationsOnly"))}")
            : new Setting<bool>(false, "Consul default");
    }

    /// <summary>
    /// ACLs are on also when the values name an auth method the chart does not manage (connectInject.overrideAuthMethodName):
    /// the chart's webhook gets -acl-auth-method from either, and that flag is what makes sidecars log in.
    /// </summary>
    private static Setting<bool> WithAuthMethodOverride(List<ManifestResource> values, Setting<bool> acls)
    {
        if (acls.Value)
        {
            return acls;
        }

        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (((ConsulHelmValues)values[i].Model!).ConnectInject?.OverrideAuthMethodName is { ValueKind: JsonValueKind.String } name
                && !string.IsNullOrEmpty(name.GetString()))
            {
                return new Setting<bool>(true, $"connectInject.overrideAuthMethodName in {Short(values[i].LocationOf("connectInject", "overrideAuthMethodName"))}");
            }
        }

        return acls;
    }

    private static Setting<bool> FromValues(List<ManifestResource> values, bool chartDefault, Func<ConsulHelmValues, bool?> read, params string[] path)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (read((ConsulHelmValues)values[i].Model!) is { } value)
            {
                return new Setting<bool>(value, $"{string.Join('.', path)} in {Short(values[i].LocationOf(path))}");
            }
        }

        // Without any values file the chart default is a guess: the values may live in another folder of the repository.
        return new Setting<bool>(chartDefault, ChartDefault) { Assumed = values.Count == 0 };
    }

    /// <summary>
    /// file:line with the file name only: settings are quoted inside messages, which full paths would swamp. A place
    /// with no line is an object read as an object (Deployment/consul/consul-connect-injector), quoted whole.
    /// </summary>
    public static string Short(SourceLocation location) =>
        location.Line > 0 ? $"{Path.GetFileName(location.File)}:{location.Line}" : location.File;
}
