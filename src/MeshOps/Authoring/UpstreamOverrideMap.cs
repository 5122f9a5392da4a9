using System.Globalization;
using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// Reads one upstream override written as a map (a PowerShell hashtable: <c>@{ Name = 'postgres'; ConnectTimeoutMs = 5000 }</c>)
/// into the generated <see cref="ServiceDefaultsUpstreamOverride"/>. Keys are the CRD's field names, any case; the
/// limits and the mesh gateway mode are flattened (<c>MaxConnections</c>, <c>MeshGatewayMode</c>) so one level of
/// keys covers what users set.
/// </summary>
public static class UpstreamOverrideMap
{
    /// <summary>Every key a map may hold.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "Name", "Namespace", "Partition", "Peer", "Protocol", "ConnectTimeoutMs",
        "MaxConnections", "MaxPendingRequests", "MaxConcurrentRequests", "MeshGatewayMode",
    ];

    /// <exception cref="InvalidMeshObjectException">A key it does not know, or a value of the wrong type.</exception>
    public static ServiceDefaultsUpstreamOverride Read(IReadOnlyDictionary<string, object?> map, int index)
    {
        ArgumentNullException.ThrowIfNull(map);
        var at = "spec.upstreamConfig.overrides[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        var result = new ServiceDefaultsUpstreamOverride();
        foreach (var (key, value) in map)
        {
            var field = at + "." + char.ToLowerInvariant(key.FirstOrDefault()) + key[Math.Min(1, key.Length)..];
            switch (Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
            {
                case "Name": result.Name = Text(field, value); break;
                case "Namespace": result.Namespace = Text(field, value); break;
                case "Partition": result.Partition = Text(field, value); break;
                case "Peer": result.Peer = Text(field, value); break;
                case "Protocol": result.Protocol = Enum<MeshProtocol>(field, value); break;
                case "ConnectTimeoutMs": result.ConnectTimeoutMs = Number(field, value); break;
                case "MaxConnections": (result.Limits ??= new()).MaxConnections = Number(field, value); break;
                case "MaxPendingRequests": (result.Limits ??= new()).MaxPendingRequests = Number(field, value); break;
                case "MaxConcurrentRequests": (result.Limits ??= new()).MaxConcurrentRequests = Number(field, value); break;
                case "MeshGatewayMode": result.MeshGateway = new() { Mode = Enum<ServiceDefaultsMeshGatewayMode>(field, value) }; break;
                default:
                    throw new InvalidMeshObjectException($"{at}: unknown key '{key}'; an upstream override takes {string.Join(", ", Keys)}");
            }
        }

        return result;
    }

    private static string? Text(string field, object? value) => value switch
    {
        null => null,
        string text => text,
        _ => throw new InvalidMeshObjectException($"{field}: Invalid value: {value}: must be a string"),
    };

    private static long? Number(string field, object? value)
    {
        try
        {
            return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new InvalidMeshObjectException($"{field}: Invalid value: \"{value}\": must be a whole number", e);
        }
    }

    private static TEnum? Enum<TEnum>(string field, object? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        return ConsulEnum<TEnum>.Parse(value as string)
            ?? throw new InvalidMeshObjectException($"{field}: Invalid value: \"{value}\": must be one of {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => "\"" + ConsulEnum<TEnum>.Format(v) + "\""))}");
    }
}
