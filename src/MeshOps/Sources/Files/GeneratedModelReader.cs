using k8s.Models;
using IntOrString = k8s.Models.IntOrString;
using MeshOps.Consul;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Reads a parsed document straight into its typed model, without the JSON text and System.Text.Json. Building
/// System.Text.Json's metadata for a Kubernetes kind resolves every class the kind can reach (about 200 from a
/// Deployment) and JIT-compiles its generic code for each value type they use, which was most of a session's first
/// Test-MeshConfig (issue 14: ~120 ms for the first Deployment). The readers are generated from the same attributes
/// System.Text.Json reads, so the two agree; a document that uses anything the readers do not copy exactly (a date, a
/// number where text belongs, an unknown key kept as extension data, nesting System.Text.Json would refuse) is handed
/// back, and <see cref="TypedModelMapper"/> reads it through JSON as before, with the same result or the same error.
/// A differential test holds the two together over every reference manifest.
/// </summary>
[ModelReaderRoots(
    typeof(V1Deployment), typeof(V1StatefulSet), typeof(V1DaemonSet), typeof(V1ReplicaSet), typeof(V1Pod), typeof(V1Service),
    typeof(V1Endpoints), typeof(V1EndpointSlice), typeof(V1ConfigMap), typeof(V1ServiceAccount), typeof(V1Namespace), typeof(V1NetworkPolicy),
    typeof(ServiceDefaults), typeof(ServiceIntentions), typeof(ProxyDefaults), typeof(Mesh), typeof(ServiceResolver), typeof(ServiceRouter),
    typeof(ServiceSplitter), typeof(ExportedServices), typeof(IngressGateway), typeof(TerminatingGateway))]
internal static partial class GeneratedModelReader
{
    /// <summary>Whether the readers cover <paramref name="type"/> at all (else the JSON way reads every document of it).</summary>
    public static bool Reads(Type type) => !RespectsNullableAnnotations && IsRoot(type.FullName!);

    /// <summary>
    /// The document as <paramref name="type"/>, or false when the readers hand it back (then the JSON way reads it).
    /// The caller has already bounded the tree (<see cref="JsonTranscoder.Measure"/>).
    /// </summary>
    public static bool TryRead(Type type, ParsedMapping node, out object? model)
    {
        try
        {
            return TryReadRoot(type.FullName!, node, out model);
        }
        // Handing over is always safe: the JSON way reads the document as it always has, or reports what is wrong with it
        // in its own words. A quantity's text is parsed by KubernetesClient, which throws these for a bad one.
        catch (Exception error) when (error is HandOverException or FormatException or ArgumentException or OverflowException)
        {
            model = null;
            return false;
        }
    }

    /// <summary>
    /// The readers assume System.Text.Json's default of not enforcing nullable annotations on read (a JSON null into a
    /// non-nullable reference property is set, not refused). An application may switch that on for the whole process.
    /// </summary>
    private static readonly bool RespectsNullableAnnotations =
        AppContext.TryGetSwitch("System.Text.Json.Serialization.RespectNullableAnnotationsDefault", out var respects) && respects;

    /// <summary>The properties of <paramref name="type"/> that may hold objects (references other than text), by JSON name, or null when not generated.</summary>
    public static (Func<object, object?> Get, string Name)[]? NonScalarProperties(Type type) => NonScalarPropertiesOf(type.FullName!);

    private static partial bool IsRoot(string typeName);

    private static partial bool TryReadRoot(string typeName, ParsedNode node, out object? model);

    private static partial (Func<object, object?> Get, string Name)[]? NonScalarPropertiesOf(string typeName);

    /// <summary>Thrown to hand a document over to the JSON way; never escapes <see cref="TryRead"/>.</summary>
    private sealed class HandOverException : Exception;

    private static HandOverException Unreadable() => new();

    private static bool IsNull(ParsedNode node) => node is ParsedScalar { Type: ScalarType.Null };

    // Each value as JsonTranscoder writes it and System.Text.Json then reads it into the property's type.
    private static string? ReadString(ParsedNode node) => node is ParsedScalar scalar
        ? JsonTranscoder.KindOf(scalar, out _, out _) switch
        {
            JsonScalarKind.Null => null,
            JsonScalarKind.String => scalar.Value,
            _ => throw Unreadable(),
        }
        : throw Unreadable();

    private static int ReadInt32(ParsedNode node) =>
        ReadInteger(node) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Unreadable();

    private static int? ReadNullableInt32(ParsedNode node) => IsNull(node) ? null : ReadInt32(node);

    private static long ReadInt64(ParsedNode node) => ReadInteger(node) ?? throw Unreadable();

    private static long? ReadNullableInt64(ParsedNode node) => IsNull(node) ? null : ReadInt64(node);

    private static bool ReadBoolean(ParsedNode node) =>
        node is ParsedScalar scalar && JsonTranscoder.KindOf(scalar, out _, out _) == JsonScalarKind.Boolean
            ? ScalarTypeResolver.ParseBool(scalar.Value)
            : throw Unreadable();

    private static bool? ReadNullableBoolean(ParsedNode node) => IsNull(node) ? null : ReadBoolean(node);

    /// <summary>KubernetesClient's IntOrStringJsonConverter: a string as is, a whole number through its long conversion.</summary>
    private static IntOrString? ReadIntOrString(ParsedNode node)
    {
        if (IsNull(node))
            return null;
        if (node is ParsedScalar scalar)
        {
            switch (JsonTranscoder.KindOf(scalar, out var integer, out _))
            {
                case JsonScalarKind.String:
                    return scalar.Value;
                case JsonScalarKind.Integer:
                    return integer;
            }
        }

        throw Unreadable();
    }

    /// <summary>
    /// KubernetesClient's ResourceQuantityJsonConverter: text as is, a number (<c>cpu: 1</c>, <c>cpu: 0.5</c>) as the
    /// double it reads formatted by Convert.ToString, then parsed as a quantity either way.
    /// </summary>
    private static ResourceQuantity? ReadQuantity(ParsedNode node)
    {
        if (node is not ParsedScalar scalar)
            throw Unreadable();
        return JsonTranscoder.KindOf(scalar, out var integer, out var number) switch
        {
            JsonScalarKind.Null => null,
            JsonScalarKind.String => (ResourceQuantity)scalar.Value,
            JsonScalarKind.Integer => (ResourceQuantity)Convert.ToString((double)integer),
            JsonScalarKind.Number => (ResourceQuantity)Convert.ToString(number),
            _ => throw Unreadable(),
        };
    }

    /// <summary>What LenientConsulEnumConverter reads: the text of a JSON string, anything else as null.</summary>
    private static string? TextOrNull(ParsedNode node) =>
        node is ParsedScalar scalar && JsonTranscoder.KindOf(scalar, out _, out _) == JsonScalarKind.String ? scalar.Value : null;

    private static long? ReadInteger(ParsedNode node) =>
        node is ParsedScalar scalar && JsonTranscoder.KindOf(scalar, out var integer, out _) == JsonScalarKind.Integer ? integer : null;
}
