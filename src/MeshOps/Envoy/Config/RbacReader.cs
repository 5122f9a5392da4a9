using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>
/// Turns an RBAC filter back into intentions, undoing what hashicorp/consul agent/xds/rbac.go <c>makeRBACRules</c>
/// does: one policy <c>consul-intentions-layer4</c> whose principals are the L4 sources (<c>any</c> permission), one
/// <c>consul-intentions-layer7-N</c> per L7 intention with its permissions, precedence folded into
/// <c>and_ids[source, not_id(higher source)…]</c> and <c>and_rules[perm, not_rule(earlier perm)…]</c>. The filter's
/// action is what every listed intention does; the default policy is the opposite.
/// </summary>
internal static class RbacReader
{
    public const string NetworkFilter = "envoy.filters.network.rbac";
    public const string HttpFilter = "envoy.filters.http.rbac";

    /// <summary>Whether a (network or HTTP) filter is an RBAC filter, and which.</summary>
    public static string? Kind(JsonNode filter)
    {
        var name = String(filter, "name") ?? "";
        var type = TypeUrl(Get(filter, "typed_config")) ?? "";
        if (name == NetworkFilter || type.Contains("filters.network.rbac.", StringComparison.Ordinal) || type.Contains("filter.network.rbac.", StringComparison.Ordinal))
            return NetworkFilter;
        if (name == HttpFilter || type.Contains("filters.http.rbac.", StringComparison.Ordinal) || type.Contains("filter.http.rbac.", StringComparison.Ordinal))
            return HttpFilter;
        return null;
    }

    public static EnvoyRbacFilter Read(JsonNode filter, string filterName, string listener, ConfigContext context)
    {
        var config = Get(filter, "typed_config") ?? Get(filter, "config");
        var rules = Get(config, "rules");
        var action = ParseAction(String(rules, "action"));
        var intentions = new List<EnvoyIntention>();
        if (Get(rules, "policies") is JsonObject policies)
        {
            // Consul's map is unordered in JSON; layer 4 first, then layer 7 policies by their number, as it built them.
            foreach (var (name, policy) in policies.OrderBy(p => PolicyOrder(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                if (policy is not null)
                    intentions.AddRange(ReadPolicy(Secrets.OutputText.Clean(name), policy, action, filterName, listener, context));
            }
        }

        return new EnvoyRbacFilter
        {
            Source = context.Source,
            Listener = listener,
            FilterName = filterName,
            IsHttp = filterName == HttpFilter,
            StatPrefix = String(config, "stat_prefix"),
            Enforced = rules is JsonObject,
            Action = action,
            Intentions = intentions,
        };
    }

    private static (int, int) PolicyOrder(string name)
    {
        const string layer7 = "consul-intentions-layer7-";
        if (name == "consul-intentions-layer4")
            return (0, 0);
        return name.StartsWith(layer7, StringComparison.Ordinal) && int.TryParse(name.AsSpan(layer7.Length), out var n) ? (1, n) : (2, 0);
    }

    private static EnvoyRbacAction ParseAction(string? action) => action switch
    {
        "DENY" => EnvoyRbacAction.Deny,
        "LOG" => EnvoyRbacAction.Log,
        _ => EnvoyRbacAction.Allow,
    };

    private static IEnumerable<EnvoyIntention> ReadPolicy(string name, JsonNode policy, EnvoyRbacAction action, string filterName, string listener, ConfigContext context)
    {
        var permissions = Array(policy, "permissions").Select(p => ReadPermission(p, action)).ToList();
        var layer7 = permissions.Any(p => !p.Any);
        foreach (var principal in Array(policy, "principals"))
        {
            var (source, except, other) = ReadPrincipal(principal, context);
            yield return new EnvoyIntention
            {
                Source = context.Source,
                Listener = listener,
                Destination = context.Service,
                IntentionSource = source,
                Except = except,
                Action = action,
                IsLayer7 = layer7,
                Permissions = layer7 ? permissions : [],
                Policy = name,
                FilterName = filterName,
                Principal = other.Count == 0 ? null : string.Join(" and ", other),
            };
        }
    }

    private static (EnvoyIntentionSource? Source, List<EnvoyIntentionSource> Except, List<string> Other) ReadPrincipal(JsonNode principal, ConfigContext context)
    {
        var except = new List<EnvoyIntentionSource>();
        var other = new List<string>();
        EnvoyIntentionSource? source = null;
        var parts = Get(principal, "and_ids") is { } and ? Array(and, "ids").ToList() : [principal];
        foreach (var part in parts)
        {
            if (Authenticated(part, context) is { } id && source is null)
                source = id;
            else if (Get(part, "not_id") is { } not && Authenticated(not, context) is { } notId)
                except.Add(notId);
            else
                other.Add(Describe(part));
        }

        return (source, except, other);
    }

    private static EnvoyIntentionSource? Authenticated(JsonNode principal, ConfigContext context)
    {
        var name = Path(principal, "authenticated", "principal_name");
        if (name is null)
            return null;
        if (String(Get(name, "safe_regex"), "regex") is { } regex)
            return SpiffePattern.Read(regex, isRegex: true, context);
        return String(name, "exact") is { } exact ? SpiffePattern.Read(exact, isRegex: false, context) : null;
    }

    private static EnvoyIntentionPermission ReadPermission(JsonNode permission, EnvoyRbacAction action)
    {
        var parts = Get(permission, "and_rules") is { } and ? Array(and, "rules").ToList() : [permission];
        string? exact = null, prefix = null, regex = null;
        var any = false;
        var methods = new List<string>();
        var headers = new List<EnvoyHeaderMatch>();
        var except = new List<EnvoyIntentionPermission>();
        var other = new List<string>();
        foreach (var part in parts)
        {
            if (Bool(part, "any"))
            {
                any = true;
            }
            else if (Path(part, "url_path", "path") is { } path)
            {
                exact ??= String(path, "exact");
                prefix ??= String(path, "prefix");
                regex ??= String(Get(path, "safe_regex"), "regex");
            }
            else if (Get(part, "header") is { } header && HeaderMatchReader.Read(header) is { } match)
            {
                if (match.Name == ":method" && match.Kind == "regex" && !match.Invert && match.Value is not null)
                    methods.AddRange(match.Value.Split('|'));
                else
                    headers.Add(match);
            }
            else if (Get(part, "not_rule") is { } not)
            {
                except.Add(ReadPermission(not, action));
            }
            else
            {
                other.Add(Describe(part));
            }
        }

        return new EnvoyIntentionPermission
        {
            Action = action,
            Any = any && exact is null && prefix is null && regex is null && methods.Count == 0 && headers.Count == 0 && other.Count == 0,
            PathExact = exact,
            PathPrefix = prefix,
            PathRegex = regex,
            Methods = methods,
            Headers = headers,
            Except = except,
            Other = other,
        };
    }

    /// <summary>A rule of a shape Consul does not write, named by its field so that nothing is silently dropped.</summary>
    private static string Describe(JsonNode node) =>
        node is JsonObject obj && obj.Count > 0 ? Secrets.OutputText.Clean(obj.First().Key) : "(empty)";
}
