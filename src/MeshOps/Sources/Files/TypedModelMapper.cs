using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeshOps.Secrets;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Turns a parsed object into its typed model. One instance per load call: it reuses its JSON buffer
/// across documents, so it is not shared between threads.
/// </summary>
internal sealed partial class TypedModelMapper
{
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter writer;
    private readonly JsonTranscoder transcoder;

    public TypedModelMapper(LoaderOptions options)
    {
        // Relaxed escaping and no validation: the JSON only ever goes to our own deserializer.
        writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        transcoder = new JsonTranscoder(YamlLimits.MaxDepth, options.MaxNodesPerDocument, options.MaxExpandedCharsPerDocument);
    }

    /// <summary>The typed model, or null for kinds MeshOps does not model. Throws <see cref="RejectedDocumentException"/> for bad fields.</summary>
    public object? Map(ParsedMapping node, string apiVersion, string kind)
    {
        var type = KindRegistry.TypeOf(apiVersion, kind);
        if (type is null)
            return null;

        // The generated readers first; what they hand back goes through JSON, which then decides as it always has.
        if (GeneratedModelReader.Reads(type) && transcoder.Measure(node) && GeneratedModelReader.TryRead(type, node, out var model))
            return model;

        var deserialize = KindRegistry.Find(apiVersion, kind)!;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        transcoder.Write(writer, node);
        writer.Flush();
        try
        {
            return deserialize(buffer.WrittenSpan);
        }
        // Untrusted input reaches converters that throw various exception types; each one means "this field is wrong".
        catch (Exception error) when (error is JsonException or NotSupportedException or FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw DescribeFieldError(error, node);
        }
    }

    private static RejectedDocumentException DescribeFieldError(Exception error, ParsedMapping node)
    {
        var jsonPath = (error as JsonException)?.Path ?? PathFromMessage(error.Message);
        var path = JsonPathSegments.Parse(jsonPath);
        var at = ParsedPath.Follow(node, path);
        var field = path.Count > 0 ? $"field '{JsonPathSegments.Format(path)}'" : "a field";
        var holdsSecret = HoldsSecret(node, path);
        var reason = WithoutPath(error.Message);
        if (holdsSecret && at.Value is ParsedScalar { Value.Length: > 0 } written)
        {
            // A converter may quote the value itself ("'87654321' is not a valid ..."); no pattern would know it is one.
            reason = reason.Replace(written.Value, SecretRedactor.Mask, StringComparison.Ordinal);
        }

        return new RejectedDocumentException(LoadErrorIds.InvalidField, at.Line, at.Column,
            $"{field} has the wrong type or value: {reason}{ExplainImplicitType(at.Value, holdsSecret)}");
    }

    /// <summary>
    /// True when the key context says the value is a credential: a key on the path names one (<c>data.password</c>,
    /// <c>stringData.DB_PASS</c>), or the value is the <c>value</c> of an env entry whose <c>name</c> does
    /// (<c>DB_PASSWORD</c>). An unquoted number (<c>87654321</c>) matches no pattern of the redactor, so only the key can tell.
    /// </summary>
    private static bool HoldsSecret(ParsedMapping root, IReadOnlyList<object> path)
    {
        if (path.Any(segment => segment is string key && SecretRedactor.IsCredentialName(key)))
        {
            return true;
        }

        return path.Count > 0 && path[^1] is "value"
            && ParsedPath.Follow(root, path.Take(path.Count - 1).ToList()).Value is ParsedMapping entry
            && entry.Get("name") is ParsedScalar name
            && SecretRedactor.IsCredentialName(name.Value);
    }

    /// <summary>The usual cause is an unquoted value YAML reads as a number or boolean (<c>true</c>, <c>yes</c>, <c>n</c>, <c>8080</c>).</summary>
    private static string ExplainImplicitType(ParsedNode? value, bool holdsSecret)
    {
        if (value is not ParsedScalar scalar)
        {
            return "";
        }

        var quoted = holdsSecret ? SecretRedactor.Mask : scalar.Value;
        return scalar.Type switch
        {
            ScalarType.Bool => $" YAML reads the unquoted value '{quoted}' as a boolean; quote it if it is text.",
            ScalarType.Integer or ScalarType.Float => $" YAML reads the unquoted value '{quoted}' as a number; quote it if it is text.",
            ScalarType.String => $" The value '{quoted}' is text.",
            _ => "",
        };
    }

    /// <summary>Converters' NotSupportedException and friends carry the path only in their message.</summary>
    private static string? PathFromMessage(string message) =>
        PathInMessage().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    private static string WithoutPath(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return InKubernetesTerms(cut >= 0 ? message[..cut] : message);
    }

    /// <summary>System.Text.Json names .NET types ("System.Nullable`1[System.Int32]"); a manifest author thinks in YAML values.</summary>
    /// <remarks>
    /// A converter that meets a token it cannot read (KubernetesClient's IntOrString given a list, a map or a boolean)
    /// throws NotSupportedException naming the type it was reading; that type says what was expected.
    /// </remarks>
    private static string InKubernetesTerms(string message) =>
        ConvertedTo().Match(message) is { Success: true } match ? $"expected {Expected(match.Groups[1].Value)}."
        : UnsupportedOnType().Match(message) is { Success: true } unsupported ? $"expected {Expected(unsupported.Groups[1].Value)}."
        : message;

    private static string Expected(string dotnetType) => dotnetType switch
    {
        _ when dotnetType.Contains("IntOrString", StringComparison.Ordinal) => "a number or a name (a port such as 8080 or http)",
        _ when dotnetType.Contains("Int32", StringComparison.Ordinal) || dotnetType.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when dotnetType.Contains("Double", StringComparison.Ordinal) || dotnetType.Contains("Single", StringComparison.Ordinal) => "a number",
        _ when dotnetType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when dotnetType.Contains("String", StringComparison.Ordinal) => "text",
        _ when dotnetType.Contains("IList", StringComparison.Ordinal) || dotnetType.Contains("List`1", StringComparison.Ordinal) => "a list",
        _ when dotnetType.Contains("IDictionary", StringComparison.Ordinal) || dotnetType.Contains("Dictionary`2", StringComparison.Ordinal) => "a map of keys to values",
        _ => "a map of fields (an object)",
    };

    [GeneratedRegex(@"^The JSON value could not be converted to (\S+)\.")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"The unsupported member type is located on type '([^']+)'")]
    private static partial Regex UnsupportedOnType();

    [GeneratedRegex(@"Path: (\$\S*)")]
    private static partial Regex PathInMessage();
}
