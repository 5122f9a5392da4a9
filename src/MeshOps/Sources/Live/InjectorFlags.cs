using System.Text;
using System.Text.Json;
using k8s.Models;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources.Live;

/// <summary>
/// The mesh settings a running connect-inject webhook was started with, read from its Deployment's command line and
/// written as the Helm values they come from, so the one settings reader takes them (the chart turns each value into
/// exactly one flag: charts/consul/templates/connect-inject-deployment.yaml). Flags and their binary defaults are
/// those of consul-k8s control-plane/subcommand/inject-connect/command.go: -default-inject (true),
/// -default-enable-transparent-proxy (true), -acl-auth-method (ACLs on when set), -allow-k8s-namespace and
/// -deny-k8s-namespace (repeated); -enable-namespaces (false), -consul-destination-namespace ("default"),
/// -enable-k8s-namespace-mirroring (false) and -k8s-namespace-mirroring-prefix (""); CONSUL_USE_TLS=true in its environment when global.tls.enabled.
/// </summary>
internal static class InjectorFlags
{
    public const string LabelSelector = "app=consul,component=connect-injector";

    private const string Command = "inject-connect";

    /// <summary>The values the injector's flags stand for, each located at the flag that set it; null when no container runs inject-connect.</summary>
    public static ManifestResource? Read(V1Deployment deployment, string context)
    {
        var container = deployment.Spec?.Template?.Spec?.Containers?.FirstOrDefault(c => Tokens(c).Contains(Command));
        if (container is null)
        {
            return null;
        }

        var flags = Flags(Tokens(container));
        var name = deployment.Metadata.Name;
        var ns = deployment.Metadata.NamespaceProperty;
        var version = deployment.Metadata.ResourceVersion;
        var self = LiveResources.Location("Deployment", ns, name, version);
        var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        SourceLocation Flag(string valuePath, string flag, string? text) =>
            at[valuePath] = new SourceLocation(text is null ? $"the default of {flag} (not given) on {self.File}" : $"{text} on {self.File}", 0, 0);

        var defaultInject = Bool(flags, "default-inject", true);
        Flag("connectInject.default", "-default-inject", Written(flags, "default-inject"));
        var tproxy = Bool(flags, "default-enable-transparent-proxy", true);
        Flag("connectInject.transparentProxy.defaultEnabled", "-default-enable-transparent-proxy", Written(flags, "default-enable-transparent-proxy"));
        var acls = flags.TryGetValue("acl-auth-method", out var method) && method.Any(m => m.Length > 0);
        Flag("global.acls.manageSystemACLs", "-acl-auth-method", Written(flags, "acl-auth-method"));
        var tlsVariable = container.Env?.FirstOrDefault(e => e.Name == "CONSUL_USE_TLS");
        var tls = tlsVariable?.Value is { } useTls && bool.TryParse(useTls, out var on) && on;
        at["global.tls.enabled"] = new SourceLocation(tlsVariable is null ? $"no CONSUL_USE_TLS on {self.File}" : $"CONSUL_USE_TLS={tlsVariable.Value} on {self.File}", 0, 0);
        at["connectInject.enabled"] = new SourceLocation($"the running {self.File}", 0, 0);
        at["connectInject"] = new SourceLocation($"-allow-k8s-namespace/-deny-k8s-namespace on {self.File}", 0, 0);
        var consulNamespaces = Bool(flags, "enable-namespaces", false);
        Flag("global.enableConsulNamespaces", "-enable-namespaces", Written(flags, "enable-namespaces"));
        var mirroring = Bool(flags, "enable-k8s-namespace-mirroring", false);
        Flag("connectInject.consulNamespaces", "-enable-k8s-namespace-mirroring", Written(flags, "enable-k8s-namespace-mirroring"));

        var values = new ConsulHelmValues
        {
            Global = new HelmGlobal { Acls = new HelmAcls { ManageSystemAcls = acls }, Tls = new HelmEnabled { Enabled = tls }, EnableConsulNamespaces = consulNamespaces },
            ConnectInject = new HelmConnectInject
            {
                Enabled = true,
                Default = defaultInject,
                TransparentProxy = new HelmTransparentProxy { DefaultEnabled = tproxy },
                ConsulNamespaces = new HelmConsulNamespaces
                {
                    ConsulDestinationNamespace = Last(flags, "consul-destination-namespace") ?? "default",
                    MirroringK8S = mirroring,
                    MirroringK8SPrefix = Last(flags, "k8s-namespace-mirroring-prefix") ?? string.Empty,
                },
                // Without -allow-k8s-namespace the webhook's allow set is empty and it injects nowhere (mesh_webhook.go shouldInject).
                K8sAllowNamespaces = List(flags.GetValueOrDefault("allow-k8s-namespace") ?? []),
                K8sDenyNamespaces = List(flags.GetValueOrDefault("deny-k8s-namespace") ?? []),
            },
        };
        return new ManifestResource
        {
            ApiVersion = ConsulHelmValues.ApiVersion,
            Kind = ConsulHelmValues.Kind,
            Name = $"{name} flags",
            Location = self,
            Origin = new ObjectOrigin(context, "Deployment", ns, name, version),
            Model = values,
            Positions = new FlagPositions(at, self),
        };
    }

    /// <summary>The container's command line split as /bin/sh would split the chart's "exec … \" script.</summary>
    private static List<string> Tokens(V1Container container)
    {
        var text = string.Join(' ', (container.Command ?? []).Concat(container.Args ?? [])).Replace("\\\n", " ", StringComparison.Ordinal);
        var tokens = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var ch in text)
        {
            if (quote is not null)
            {
                if (ch == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (char.IsWhiteSpace(ch) || ch == '\\')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(ch);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Go's flag syntax after the subcommand: -name, --name, -name=value, or -name value for the flags that take one.</summary>
    private static Dictionary<string, List<string>> Flags(List<string> tokens)
    {
        string[] takesValue = ["acl-auth-method", "allow-k8s-namespace", "deny-k8s-namespace", "consul-destination-namespace", "k8s-namespace-mirroring-prefix"];
        var flags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = tokens.IndexOf(Command) + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-'))
            {
                continue;
            }

            var body = token.TrimStart('-');
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals >= 0
                ? (body[..equals], body[(equals + 1)..])
                : takesValue.Contains(body) && i + 1 < tokens.Count ? (body, tokens[++i]) : (body, "true");
            if (!flags.TryGetValue(name, out var list))
            {
                flags[name] = list = [];
            }

            list.Add(value);
        }

        return flags;
    }

    private static bool Bool(Dictionary<string, List<string>> flags, string name, bool binaryDefault) =>
        flags.TryGetValue(name, out var values) && bool.TryParse(values[^1], out var value) ? value : binaryDefault;

    private static string? Last(Dictionary<string, List<string>> flags, string name) =>
        flags.TryGetValue(name, out var values) ? values[^1] : null;

    private static string? Written(Dictionary<string, List<string>> flags, string name) =>
        flags.TryGetValue(name, out var values) ? $"-{name}={values[^1]}" : null;

    private static JsonElement List(IEnumerable<string> names) => JsonSerializer.SerializeToElement(names.ToArray());

    /// <summary>Where each values key "was written": the flag on the Deployment that set it.</summary>
    private sealed class FlagPositions(Dictionary<string, SourceLocation> at, SourceLocation deployment) : IPositionIndex
    {
        public SourceLocation? Find(IReadOnlyList<object> path) =>
            at.TryGetValue(string.Join('.', path), out var location) ? location : deployment;
    }
}
