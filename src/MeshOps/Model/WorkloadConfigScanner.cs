using k8s.Models;
using MeshOps.Discovery;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Call discovery: reads everything a workload's pods are configured with (env vars, args, ConfigMaps they mount or
/// reference) and collects the endpoints they call and the addresses they bind, each with the place it is written.
/// The text itself is read by <see cref="MeshOps.Discovery"/>.
/// </summary>
internal sealed class WorkloadConfigScanner(PodTemplate template, IReadOnlyDictionary<ObjectKey, ManifestResource> configMaps)
{
    private readonly List<LocatedEndpoint> _endpoints = [];
    private readonly List<LocatedBind> _binds = [];

    public static (IReadOnlyList<LocatedEndpoint> Endpoints, IReadOnlyList<LocatedBind> Binds) Scan(
        PodTemplate template, IReadOnlyDictionary<ObjectKey, ManifestResource> configMaps)
    {
        var scanner = new WorkloadConfigScanner(template, configMaps);
        // Init containers are left out: in consul-k8s 1.x the consul-dataplane sidecar is a regular container, so it is
        // not running while they run. With transparent proxy their outbound traffic is already redirected to an Envoy
        // listener that does not exist yet (connect-init's iptables, or the CNI plugin before any init container), and
        // without it they would dial around the mesh; either way their calls are not mesh calls that intentions,
        // protocols or ports decide, and what they bind is gone before the pod serves.
        var references = ConfigMapReferences.Of(template.Spec).Where(r => r.Container is not { IsInit: true }).ToList();
        scanner.ScanContainers(references.Where(r => r.Container is not null).ToLookup(r => r.Container!.Index));
        scanner.ScanVolumes(references.Where(r => r.Container is null));
        return (scanner._endpoints, scanner._binds);
    }

    private void ScanContainers(ILookup<int, ConfigMapReference> referencesByContainer)
    {
        var containers = template.Spec.Containers ?? [];
        for (var c = 0; c < containers.Count; c++)
        {
            var container = containers[c];
            var references = referencesByContainer[c].ToList();
            var valueFrom = references.Where(r => r.Use == ConfigMapUse.EnvValueFrom).ToDictionary(r => r.Index);
            var env = container.Env ?? [];
            for (var e = 0; e < env.Count; e++)
            {
                var variable = env[e];
                if (variable.Value is { Length: > 0 } value)
                {
                    Add(EnvVarScanner.Scan(variable.Name, value), () => Site(template.LocationOfPodField("containers", c, "env", e, "value"),
                        $"env {variable.Name} of container {container.Name}", CallOrigin.EnvironmentVariable));
                }
                else if (valueFrom.TryGetValue(e, out var reference) && reference.Key is { } key && ConfigMapValue(reference.Name, key) is var (configMap, text))
                {
                    Add(EnvVarScanner.Scan(variable.Name, text), () => ConfigMapSite(configMap, key, reference.Usage), text);
                }
            }

            foreach (var reference in references.Where(r => r.Use == ConfigMapUse.EnvFrom))
            {
                if (Data(reference.Name) is var (configMap, data))
                {
                    foreach (var (key, text) in data)
                    {
                        Add(EnvVarScanner.Scan(key, text ?? ""), () => ConfigMapSite(configMap, key, reference.Usage), text);
                    }
                }
            }

            // A lone "-" in args is null in the typed model; Kubernetes keeps it as an empty argument (issue 10).
            var commandLine = (container.Command ?? []).Concat(container.Args ?? []).Select(arg => arg ?? "").ToList();
            if (commandLine.Count > 0)
            {
                var field = container.Args is { Count: > 0 } ? "args" : "command";
                Add(CommandLineScanner.Scan(commandLine), () => Site(template.LocationOfPodField("containers", c, field),
                    $"{field} of container {container.Name}", CallOrigin.EnvironmentVariable));
            }
        }
    }

    /// <summary>ConfigMaps mounted as files, plain or projected: the keys a volume lists, else all of them.</summary>
    private void ScanVolumes(IEnumerable<ConfigMapReference> references)
    {
        foreach (var reference in references)
        {
            if (Data(reference.Name) is not var (configMap, data))
            {
                continue;
            }

            foreach (var key in reference.Key is { } listed ? [listed] : data.Keys.ToList())
            {
                if (!data.TryGetValue(key, out var text) || string.IsNullOrEmpty(text))
                {
                    continue;
                }

                var isNginx = NginxConfigScanner.IsNginxConfig(text);
                var result = isNginx ? NginxConfigScanner.Scan(text) : ConfigValueScanner.Scan(text);
                Add(result, () => ConfigMapSite(configMap, key, reference.Usage, isNginx ? CallOrigin.NginxConfig : CallOrigin.ConfigMapValue), text);
            }
        }
    }

    /// <summary>
    /// Records what a value names. The site (and its location lookup) is built only when the value names something:
    /// most env vars and keys of a large mesh name nothing.
    /// </summary>
    private void Add(DiscoveryResult result, Func<ConfigSite> siteOf, string? text = null)
    {
        if (result.Endpoints.Count == 0 && result.Binds.Count == 0)
        {
            return;
        }

        var site = siteOf();
        // A one-line value is on its key's line. Binds are read in the same pass as endpoints but listed apart: a search
        // of their own keeps them in order. A search is made only for what the scanner gave no line.
        var placed = text is not null && site.Location.Line != 0 && text.Contains('\n');
        ExcerptLines? endpointSearch = null, bindSearch = null;
        int? LineOf(int? scanned, ref ExcerptLines? search, string excerpt) =>
            !placed ? null : scanned ?? (search ??= new ExcerptLines(text!)).LineOf(excerpt);

        for (var i = 0; i < result.Endpoints.Count; i++)
        {
            var endpoint = result.Endpoints[i];
            _endpoints.Add(new LocatedEndpoint(endpoint, Refine(site, LineOf(result.LineOfEndpoint(i), ref endpointSearch, endpoint.Excerpt))));
        }

        for (var i = 0; i < result.Binds.Count; i++)
        {
            var bind = result.Binds[i];
            _binds.Add(new LocatedBind(bind, Refine(site, LineOf(result.LineOfBind(i), ref bindSearch, bind.Excerpt))));
        }
    }

    /// <summary>
    /// A ConfigMap value is often a whole file in a block scalar; point at the line inside it rather than at the key,
    /// so "host=postgress" is found on its own line: the line the scanner read it on, else the line its excerpt is on.
    /// </summary>
    private static ConfigSite Refine(ConfigSite site, int? lineInBlock) =>
        lineInBlock is int line ? site with { Location = site.Location with { Line = site.Location.Line + 1 + line, Column = 1 } } : site;

    private ConfigSite Site(SourceLocation location, string writtenAt, CallOrigin origin) =>
        new(template.Resource, location, writtenAt, origin);

    private static ConfigSite ConfigMapSite(ManifestResource configMap, string key, string usage, CallOrigin origin = CallOrigin.ConfigMapValue) =>
        new(configMap, configMap.LocationOf("data", key), $"ConfigMap {configMap.Name} key '{key}' ({usage})", origin);

    private (ManifestResource ConfigMap, string Text)? ConfigMapValue(string name, string key) =>
        Data(name) is var (configMap, data) && data.TryGetValue(key, out var text) && text is not null ? (configMap, text) : null;

    private (ManifestResource ConfigMap, IDictionary<string, string> Data)? Data(string name) =>
        configMaps.TryGetValue(new ObjectKey(template.Namespace, name), out var configMap) && configMap.Model is V1ConfigMap { Data: { } data }
            ? (configMap, data)
            : null;
}
