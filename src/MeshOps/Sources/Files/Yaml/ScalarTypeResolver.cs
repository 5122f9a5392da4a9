using System.Globalization;

namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Types plain scalars the way kubectl does (sigs.k8s.io/yaml on go-yaml v2, i.e. YAML 1.1 rules), so a
/// manifest means here what it means to the cluster: <c>yes</c>/<c>on</c> are booleans and <c>0644</c> is octal.
/// Quoted scalars are always strings.
/// </summary>
internal static class ScalarTypeResolver
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    public static ScalarType Resolve(string value, bool isPlain, string? tag)
    {
        if (tag is not null && tag.StartsWith(TagPrefix, StringComparison.Ordinal))
            return ResolveExplicitTag(tag.AsSpan(TagPrefix.Length), value);
        if (!isPlain || tag is not null)
            return ScalarType.String;
        return ResolvePlain(value);
    }

    private static ScalarType ResolveExplicitTag(ReadOnlySpan<char> tag, string value) => tag switch
    {
        "null" => ScalarType.Null,
        "bool" or "int" or "float" => ResolvePlain(value),
        _ => ScalarType.String,
    };

    private static ScalarType ResolvePlain(string value)
    {
        if (value.Length == 0)
            return ScalarType.Null;
        var first = value[0];
        // Most scalars are names and images; a first-character test keeps them off the slower paths.
        if (first is not (>= '0' and <= '9') and not '-' and not '+' and not '.'
            and not 'y' and not 'Y' and not 'n' and not 'N' and not 't' and not 'T'
            and not 'f' and not 'F' and not 'o' and not 'O' and not '~')
            return ScalarType.String;
        switch (value)
        {
            case "~" or "null" or "Null" or "NULL":
                return ScalarType.Null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return ScalarType.Bool;
        }
        if (TryParseInteger(value, out _))
            return ScalarType.Integer;
        if (IsFloat(value))
            return ScalarType.Float;
        return ScalarType.String;
    }

    public static bool ParseBool(string value) => value is
        "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    /// <summary>Decimal, <c>0x</c> hex, <c>0o</c> or leading-zero octal, <c>0b</c> binary; underscores allowed as in YAML 1.1.</summary>
    public static bool TryParseInteger(string value, out long result)
    {
        result = 0;
        var span = value.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        if (span.Length == 0)
            return false;

        var radix = 10;
        if (span.Length > 2 && span[0] == '0' && (span[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B'))
        {
            radix = span[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, _ => 2 };
            span = span[2..];
        }
        else if (span.Length > 1 && span[0] == '0')
        {
            radix = 8;
            span = span[1..];
        }

        ulong magnitude = 0;
        var digits = 0;
        foreach (var c in span)
        {
            if (c == '_')
                continue;
            var digit = DigitValue(c);
            if (digit < 0 || digit >= radix)
                return false;
            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                return false;
            magnitude = magnitude * (ulong)radix + (ulong)digit;
            digits++;
        }
        if (digits == 0 || magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
            return false;
        result = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    public static bool TryParseFloat(string value, out double result)
    {
        if (SpecialFloat(value) is { } special)
        {
            result = special;
            return true;
        }
        var text = value.Contains('_') ? value.Replace("_", "", StringComparison.Ordinal) : value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    private static double? SpecialFloat(string value) => value switch
    {
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
        "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
        ".nan" or ".NaN" or ".NAN" => double.NaN,
        _ => null,
    };

    private static bool IsFloat(string value)
    {
        if (SpecialFloat(value) is not null)
            return true;
        // double.TryParse alone would accept spellings YAML does not (thousands separators, "Infinity").
        var hasDigit = false;
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
                hasDigit = true;
            else if (c is not ('.' or '-' or '+' or 'e' or 'E' or '_'))
                return false;
        }
        return hasDigit && TryParseFloat(value, out _);
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
