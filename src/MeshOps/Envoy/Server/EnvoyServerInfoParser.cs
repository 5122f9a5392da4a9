using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MeshOps.Envoy.Server;

/// <summary>
/// Reads <c>/server_info</c>: the JSON of admin/v3/server_info.proto (Envoy 1.9 on), or the plain line Envoy 1.8 and
/// older answered (<c>envoy &lt;version&gt; live &lt;uptime s&gt; &lt;uptime all epochs s&gt; &lt;restart epoch&gt;</c>,
/// which Consul's own test helpers still accept). Anything else is an <see cref="EnvoyFormatException"/>, never a guess.
/// </summary>
public static class EnvoyServerInfoParser
{
    private const string JsonOutput = "/server_info JSON";
    private const string TextOutput = "/server_info text";

    public static EnvoyServerInfo Parse(EnvoySource source, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Parse(source, Encoding.UTF8.GetBytes(content));
    }

    /// <exception cref="EnvoyFormatException">Not a /server_info answer of either form.</exception>
    public static EnvoyServerInfo Parse(EnvoySource source, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = utf8.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            throw new EnvoyFormatException(source, "/server_info", 0, "the answer is empty.");
        }

        return text[0] == (byte)'{' ? ParseJson(source, text) : ParseLine(source, text);
    }

    private static EnvoyServerInfo ParseJson(EnvoySource source, ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new EnvoyFormatException(source, JsonOutput, (int)(e.LineNumber ?? -1) + 1, JsonProblem.Describe(e), e);
        }

        using (document)
        {
            var root = document.RootElement;
            var version = String(source, root, "version")
                ?? throw new EnvoyFormatException(source, JsonOutput, 0, "there is no \"version\": this is not a /server_info answer.");

            // proto3 JSON leaves out a field at its default; LIVE is the enum's 0. Envoy prints primitives always, so
            // the rule matters only for other writers of this message.
            var stateName = String(source, root, "state") ?? "LIVE";
            var options = Object(source, root, "command_line_options");
            var node = Object(source, root, "node");
            var build = VersionParts.Parse(version);
            return new EnvoyServerInfo
            {
                Source = source,
                State = EnvoyServerStates.Parse(stateName),
                StateName = stateName,
                VersionString = version,
                Version = build.Version,
                Revision = build.Revision,
                BuildStatus = build.Status,
                BuildType = build.Type,
                SslLibrary = build.Ssl,
                Uptime = Duration(source, root, "uptime_current_epoch") ?? TimeSpan.Zero,
                UptimeAllEpochs = Duration(source, root, "uptime_all_epochs") ?? TimeSpan.Zero,
                HotRestartVersion = String(source, root, "hot_restart_version"),
                RestartEpoch = options is { } o ? Unsigned(source, o, "restart_epoch") ?? 0 : null,
                HotRestartDisabled = options is { } d ? Boolean(source, d, "disable_hot_restart") ?? false : null,
                Concurrency = options is { } c ? Unsigned(source, c, "concurrency") : null,
                LogLevel = options is { } l ? String(source, l, "log_level") : null,
                DrainTime = options is { } t ? Duration(source, t, "drain_time") : null,
                NodeId = node is { } n ? String(source, n, "id") : null,
                NodeCluster = node is { } k ? String(source, k, "cluster") : null,
            };
        }
    }

    private static EnvoyServerInfo ParseLine(EnvoySource source, ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new EnvoyFormatException(source, TextOutput, 1, "the answer is not UTF-8 text.", e);
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fields = lines.Length == 0 ? [] : lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 1 || fields.Length != 6 || fields[0] != "envoy")
        {
            throw new EnvoyFormatException(source, TextOutput, 1,
                "expected one line 'envoy <version> <live|draining> <uptime s> <uptime all epochs s> <restart epoch>' (Envoy 1.8 and older) or JSON.");
        }

        var build = VersionParts.Parse(fields[1]);
        var state = EnvoyServerStates.Parse(fields[2]);
        if (state is not (EnvoyServerState.Live or EnvoyServerState.Draining))
        {
            throw new EnvoyFormatException(source, TextOutput, 1, $"'{fields[2]}' is not a state of the plain /server_info line (live or draining).");
        }

        return new EnvoyServerInfo
        {
            Source = source,
            State = state,
            StateName = fields[2].ToUpperInvariant(),
            VersionString = fields[1],
            Version = build.Version,
            Revision = build.Revision,
            BuildStatus = build.Status,
            BuildType = build.Type,
            SslLibrary = build.Ssl,
            Uptime = TimeSpan.FromSeconds(LineNumber(source, fields[3], "uptime")),
            UptimeAllEpochs = TimeSpan.FromSeconds(LineNumber(source, fields[4], "uptime of all epochs")),
            RestartEpoch = (uint)LineNumber(source, fields[5], "restart epoch"),
        };
    }

    private static long LineNumber(EnvoySource source, string field, string what) =>
        long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= uint.MaxValue
            ? value
            : throw new EnvoyFormatException(source, TextOutput, 1, $"the {what} '{field}' is not a whole number of seconds.");

    private static JsonElement? Object(EnvoySource source, JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Invalid(source, name, "an object", value);
    }

    private static string? String(EnvoySource source, JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(source, name, "a string", value);
    }

    private static bool? Boolean(EnvoySource source, JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Invalid(source, name, "true or false", value);
    }

    /// <summary>A uint32 field: proto3 JSON writes it as a number, though a reader must accept a string too.</summary>
    private static uint? Unsigned(EnvoySource source, JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetUInt32(out var number) => number,
            JsonValueKind.String when uint.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Invalid(source, name, "a whole number", value),
        };
    }

    /// <summary>A google.protobuf.Duration in JSON: seconds with up to nine decimals and an "s" ("24s", "0.500s").</summary>
    private static TimeSpan? Duration(EnvoySource source, JsonElement parent, string name)
    {
        var text = String(source, parent, name);
        if (text is null)
        {
            return null;
        }

        return text.EndsWith('s')
            && decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= (decimal)TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond))
            : throw new EnvoyFormatException(source, JsonOutput, 0, $"\"{name}\" is '{text}', not a duration such as \"24s\".");
    }

    private static EnvoyFormatException Invalid(EnvoySource source, string name, string expected, JsonElement value) =>
        new(source, JsonOutput, 0, $"\"{name}\" is {value.ValueKind.ToString().ToLowerInvariant()}, not {expected}.");
}
