using System.Text.RegularExpressions;

namespace MeshOps.Model;

/// <summary>
/// A Service the inputs do not declare but that exists: installed by a Helm chart, kept in another folder of the
/// repository, named by the caller, or implied by the consul-k8s Helm values. Only its existence is known, not its
/// ports. It counts as a Kubernetes Service and as a Consul service of that name; without a namespace it counts in
/// every namespace, because a chart's release namespace is not written in its values.
/// </summary>
public sealed partial record KnownService(string Name, string? Namespace, string Origin)
{
    public bool Matches(string name, string ns) =>
        string.Equals(Name, name, StringComparison.Ordinal) && (Namespace is null || string.Equals(Namespace, ns, StringComparison.Ordinal));

    /// <summary>Reads <c>name</c> or <c>name.namespace</c>, as a call would write the host.</summary>
    /// <exception cref="ArgumentException">The text is not a Service name, optionally followed by a namespace.</exception>
    public static KnownService Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('.');
        // Service names are RFC 1035 labels and namespaces RFC 1123 labels (kubectl rejects anything else).
        if (parts.Length > 2 || !ServiceName().IsMatch(parts[0]) || (parts.Length == 2 && !NamespaceName().IsMatch(parts[1])))
        {
            throw new ArgumentException(
                $"'{text}' is not a known service: give a Service name, optionally followed by its namespace (name or name.namespace).", nameof(text));
        }

        return new KnownService(parts[0], parts.Length == 2 ? parts[1] : null, origin);
    }

    public override string ToString() => Namespace is null ? Name : $"{Name}.{Namespace}";

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceName();
}
