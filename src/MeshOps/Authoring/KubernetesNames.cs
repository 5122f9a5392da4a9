using System.Globalization;
using System.Text.RegularExpressions;

namespace MeshOps.Authoring;

/// <summary>
/// The name checks of the Kubernetes API server (k8s.io/apimachinery/pkg/util/validation), worded as it words them,
/// so a generated object is refused here with the message <c>kubectl apply</c> would print.
/// </summary>
internal static partial class KubernetesNames
{
    private const int MaxLabelLength = 63;
    private const int MaxSubdomainLength = 253;
    private const int MaxPortNameLength = 15;

    /// <summary>Service names (IsDNS1035Label): a lowercase letter first.</summary>
    public static void CheckDns1035Label(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidMeshObjectException($"{field}: Required value: name is required");
        }

        if (value.Length > MaxLabelLength)
        {
            throw Invalid(field, value, $"must be no more than {MaxLabelLength} characters");
        }

        if (!Dns1035Label().IsMatch(value))
        {
            throw Invalid(field, value, "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
        }
    }

    /// <summary>Namespaces and port names (IsDNS1123Label).</summary>
    public static void CheckDns1123Label(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidMeshObjectException($"{field}: Required value");
        }

        if (value.Length > MaxLabelLength)
        {
            throw Invalid(field, value, $"must be no more than {MaxLabelLength} characters");
        }

        if (!Dns1123Label().IsMatch(value))
        {
            throw Invalid(field, value, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        }
    }

    /// <summary>Most object names, ServiceAccounts and ServiceDefaults among them (IsDNS1123Subdomain).</summary>
    public static void CheckDns1123Subdomain(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidMeshObjectException($"{field}: Required value: name is required");
        }

        if (value.Length > MaxSubdomainLength)
        {
            throw Invalid(field, value, $"must be no more than {MaxSubdomainLength} characters");
        }

        if (!Dns1123Subdomain().IsMatch(value))
        {
            throw Invalid(field, value, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        }
    }

    /// <summary>A port number (IsValidPortNum).</summary>
    public static void CheckPort(string field, int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new InvalidMeshObjectException($"{field}: Invalid value: {port.ToString(CultureInfo.InvariantCulture)}: must be between 1 and 65535, inclusive");
        }
    }

    /// <summary>A named container port a Service's targetPort refers to (IsValidPortName, an IANA_SVC_NAME).</summary>
    public static void CheckPortName(string field, string value)
    {
        if (value.Length > MaxPortNameLength)
        {
            throw Invalid(field, value, $"must be no more than {MaxPortNameLength} characters");
        }

        if (!PortNameCharacters().IsMatch(value))
        {
            throw Invalid(field, value, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!value.Any(char.IsAsciiLetterLower))
        {
            throw Invalid(field, value, "must contain at least one letter (a-z)");
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            throw Invalid(field, value, "must not contain consecutive hyphens");
        }

        if (value.StartsWith('-') || value.EndsWith('-'))
        {
            throw Invalid(field, value, "must not begin or end with a hyphen");
        }
    }

    private static InvalidMeshObjectException Invalid(string field, string value, string why) =>
        new($"{field}: Invalid value: {System.Text.Json.JsonSerializer.Serialize(value)}: {why}");

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[-a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PortNameCharacters();
}
