using System.Collections.Frozen;
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

    private static readonly FrozenDictionary<TEnum, string> Names = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    private static readonly FrozenDictionary<string, TEnum> Values = Names
        .ToFrozenDictionary(p => p.Value, p => p.Key, AnyCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>The value written as <paramref name="text"/>, or null when Consul would not accept it.</summary>
    public static TEnum? Parse(string? text) =>
        text is not null && Values.TryGetValue(AnyCase ? text.Trim() : text, out var value) ? value : null;

    /// <summary>The wire name of <paramref name="value"/> (<c>http</c>, <c>allow</c>).</summary>
    public static string Format(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();

    internal static string Expected => string.Join(", ", Names.Values);
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
