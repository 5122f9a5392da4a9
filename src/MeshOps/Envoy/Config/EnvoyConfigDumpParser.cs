using System.Text.Json;
using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>
/// Reads <c>/config_dump</c> (with or without <c>?include_eds</c>), a <c>?resource=</c> answer (each element is one
/// item packed with its own <c>@type</c>, <c>…ClustersConfigDump.DynamicCluster</c>) or a single saved Listener into an
/// <see cref="EnvoyConfigDump"/>. Credentials are masked before anything is read. Input that is not such an answer
/// throws <see cref="EnvoyFormatException"/>; nothing partial is returned.
/// </summary>
public static class EnvoyConfigDumpParser
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Reads an answer's UTF-8 body (as the admin transport or a saved file gives it).</summary>
    public static EnvoyConfigDump Parse(EnvoySource source, ReadOnlySpan<byte> utf8, string? resource = null) =>
        Parse(source, System.Text.Encoding.UTF8.GetString(utf8), resource);

    /// <param name="source">Where the answer came from.</param>
    /// <param name="json">The answer's body.</param>
    /// <param name="resource">The <c>resource</c> it was asked for, if any: tells a warming item from an active one.</param>
    public static EnvoyConfigDump Parse(EnvoySource source, string json, string? resource = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(json);
        var output = resource is null ? "/config_dump" : $"/config_dump?resource={resource}";
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException e)
        {
            throw new EnvoyFormatException(source, output, (int)(e.LineNumber ?? -1) + 1, JsonProblem.Describe(e), e);
        }

        if (root is not JsonObject document)
            throw new EnvoyFormatException(source, output, 0, "not a config dump: the answer is not a JSON object");

        ConfigDumpRedactor.Redact(document);
        try
        {
            return Read(source, document, resource, output);
        }
        catch (InvalidOperationException e)
        {
            throw new EnvoyFormatException(source, output, 0, e.Message, e);
        }
    }

    private static EnvoyConfigDump Read(EnvoySource source, JsonObject document, string? resource, string output)
    {
        var redacted = document.ToJsonString(Indented);
        IReadOnlyList<JsonNode> configs;
        if (Get(document, "configs") is JsonArray array)
            configs = array.Select((c, i) => c as JsonObject ?? throw new EnvoyFormatException(source, output, 0, $"configs[{i}] is not an object")).ToList();
        else if (Get(document, "filter_chains") is not null || TypeEndsWith(document, ".Listener"))
            configs = [new JsonObject { ["@type"] = AdminTypePrefix + "ListenersConfigDump.StaticListener", ["listener"] = document.DeepClone() }];
        else
            throw new EnvoyFormatException(source, output, 0, "not a config dump: no \"configs\" array (and not a single Listener)");

        var typed = configs.Select((c, i) => (Type: TypeUrl(c) ?? throw new EnvoyFormatException(source, output, 0, $"configs[{i}] has no @type"), Config: c)).ToList();
        var builder = new ConfigDumpBuilder(source, resource);
        foreach (var (type, config) in typed.Where(t => Short(t.Type) == "BootstrapConfigDump"))
            builder.Bootstrap(Get(config, "bootstrap"));
        foreach (var (type, config) in typed.Where(t => Short(t.Type).StartsWith("ClustersConfigDump", StringComparison.Ordinal)))
            builder.Clusters(Short(type), config);
        builder.Seal();
        var sections = new List<EnvoyConfigSection>();
        foreach (var (type, config) in typed)
            sections.Add(new EnvoyConfigSection(Secrets.OutputText.Clean(type), builder.Add(Short(type), config)));

        return builder.Build(sections, redacted);
    }

    private static string Short(string type) => type.StartsWith(AdminTypePrefix, StringComparison.Ordinal) ? type[AdminTypePrefix.Length..] : type;
}
