using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshOps.Consul;

/// <summary>
/// Marks an enum MeshOps reads in any case and with surrounding spaces: Consul lowercases protocols before validating
/// them (<c>ServiceConfigEntry.Normalize</c>), and MeshOps has always read intention actions the same way. Every other
/// Consul enum is matched exactly, as Consul's validation does.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class ConsulReadsAnyCaseAttribute : Attribute;

/// <summary>The wire names of one Consul enum (its <see cref="JsonStringEnumMemberNameAttribute"/>s), computed once per type.</summary>
public static class ConsulEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly bool AnyCase = typeof(TEnum).IsDefined(typeof(ConsulReadsAnyCaseAttribute), inherit: false);

    // Two parallel arrays searched in order: a Consul enum has a handful of members, and frozen dictionaries over each
    // enum type were generic code the JIT compiled per type in a session's first command (issue 14, first call).
    private static readonly FieldInfo[] Fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);

    private static readonly TEnum[] Members = [.. Fields.Select(f => (TEnum)f.GetValue(null)!)];

    private static readonly string[] WireNames = [.. Fields.Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)];

    /// <summary>The value written as <paramref name="text"/>, or null when Consul would not accept it.</summary>
    public static TEnum? Parse(string? text)
    {
        if (text is null)
            return null;
        var wanted = AnyCase ? text.Trim() : text;
        var comparison = AnyCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var i = 0; i < WireNames.Length; i++)
        {
            if (string.Equals(WireNames[i], wanted, comparison))
                return Members[i];
        }

        return null;
    }

    /// <summary>The wire name of <paramref name="value"/> (<c>http</c>, <c>allow</c>).</summary>
    public static string Format(TEnum value)
    {
        for (var i = 0; i < Members.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(Members[i], value))
                return WireNames[i];
        }

        return value.ToString();
    }

    internal static string Expected => string.Join(", ", WireNames);
}

/// <summary>
/// Reads and writes a Consul enum by its wire name. A value Consul would refuse is an error here; a property uses
/// <see cref="LenientConsulEnumConverter{TEnum}"/> instead, so one unknown value does not cost the whole resource.
/// </summary>
public sealed class ConsulEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ConsulEnum<TEnum>.Parse(reader.GetString()) is { } value
            ? value
            : throw new JsonException($"Expected one of {ConsulEnum<TEnum>.Expected}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ConsulEnum<TEnum>.Format(value));
}

/// <summary>
/// Reads an enum-valued property of a Consul resource leniently: a value Consul would refuse (or not a string at all)
/// reads as null instead of failing the resource, as the CRDs themselves accept any string there and only Consul's
/// sync refuses it.
/// </summary>
public sealed class LenientConsulEnumConverter<TEnum> : JsonConverter<TEnum?>
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override TEnum? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return ConsulEnum<TEnum>.Parse(reader.GetString());
        reader.Skip();
        return null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum? value, JsonSerializerOptions options)
    {
        if (value is { } known)
            writer.WriteStringValue(ConsulEnum<TEnum>.Format(known));
        else
            writer.WriteNullValue();
    }
}
