using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>Envoy's <c>HeaderMatcher</c>: the old <c>exact_match</c>/<c>safe_regex_match</c>/… fields and the newer <c>string_match</c>.</summary>
internal static class HeaderMatchReader
{
    public static EnvoyHeaderMatch? Read(JsonNode header)
    {
        var name = String(header, "name");
        if (name is null)
            return null;
        var invert = Bool(header, "invert_match");
        if (String(header, "exact_match") is { } exact)
            return new(name, "exact", exact, invert);
        if (String(header, "prefix_match") is { } prefix)
            return new(name, "prefix", prefix, invert);
        if (String(header, "suffix_match") is { } suffix)
            return new(name, "suffix", suffix, invert);
        if (String(header, "contains_match") is { } contains)
            return new(name, "contains", contains, invert);
        if (String(Get(header, "safe_regex_match"), "regex") is { } regex)
            return new(name, "regex", regex, invert);
        if (Get(header, "string_match") is { } match)
            return StringMatch(name, match, invert);
        // present_match, or no matcher at all: Envoy then matches any request carrying the header.
        return new(name, "present", null, invert);
    }

    /// <summary>A <c>StringMatcher</c> (<c>exact</c>, <c>prefix</c>, <c>suffix</c>, <c>contains</c>, <c>safe_regex</c>).</summary>
    public static EnvoyHeaderMatch StringMatch(string name, JsonNode match, bool invert)
    {
        foreach (var kind in new[] { "exact", "prefix", "suffix", "contains" })
        {
            if (String(match, kind) is { } value)
                return new(name, kind, value, invert);
        }

        return new(name, "regex", String(Get(match, "safe_regex"), "regex"), invert);
    }
}
