using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshOps.Consul;

/// <summary>
/// A CRD field marked <c>x-kubernetes-int-or-string</c>: written as a JSON number or a JSON string, as it was set.
/// An <see cref="int"/> or a <see cref="string"/> converts to it implicitly.
/// </summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The number, when the value is one.</summary>
    public int? Number { get; }

    /// <summary>The string, when the value is one.</summary>
    public string? Text { get; }

    /// <summary>A numeric value.</summary>
    public static implicit operator IntOrString(int value) => new(value, null);

    /// <summary>A string value.</summary>
    public static implicit operator IntOrString(string value) => new(null, value ?? throw new ArgumentNullException(nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}

/// <summary>Reads and writes <see cref="IntOrString"/> as a JSON number or string.</summary>
public sealed class IntOrStringJsonConverter : JsonConverter<IntOrString>
{
    /// <inheritdoc />
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt32(),
        JsonTokenType.String => reader.GetString()!,
        _ => throw new JsonException("Expected a number or a string."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
            writer.WriteNumberValue(number);
        else
            writer.WriteStringValue(value.Text ?? string.Empty);
    }
}
