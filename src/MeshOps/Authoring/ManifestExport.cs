using k8s;
using k8s.Models;
using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// Plans where typed objects are written as manifests (what <c>Export-MeshManifest</c> does): every document in one
/// file, or one file per object named <c>&lt;kind&gt;-&lt;name&gt;.yaml</c>. The whole plan is made, and every check
/// done, before anything is written, so a refused export leaves the disk as it was.
/// </summary>
public static class ManifestExport
{
    /// <summary>The files to write, in input order.</summary>
    /// <param name="objects">Mesh and Kubernetes objects (see <see cref="IsExportable"/>).</param>
    /// <param name="path">The file to write, or with <paramref name="split"/> the folder; an absolute path.</param>
    /// <exception cref="ArgumentException">An object is not exportable, or two objects would share a file.</exception>
    public static IReadOnlyList<ManifestFile> Plan(IReadOnlyList<object> objects, string path, bool split)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentException.ThrowIfNullOrEmpty(path);
        foreach (var item in objects)
        {
            if (WhyNotExportable(item) is { } why)
            {
                throw new ArgumentException(why, nameof(objects));
            }
        }

        if (objects.Count == 0)
        {
            return [];
        }

        if (!split)
        {
            return [new ManifestFile(path, objects, ManifestYamlWriter.Write(objects))];
        }

        var files = new List<ManifestFile>();
        var byName = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in objects)
        {
            var (kind, name, @namespace) = Identity(item);
            // The name becomes part of a path: one the API server would refuse ("../x", "a/b") could write outside the folder.
            if (!IsObjectName(name))
            {
                throw new ArgumentException(
                    $"{kind} '{name}' has no valid object name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, as the API server requires), so it is not written as a file name.",
                    nameof(objects));
            }

            var fileName = kind.ToLowerInvariant() + "-" + name + ".yaml";
            if (byName.TryGetValue(fileName, out var earlier))
            {
                var (_, _, earlierNamespace) = Identity(earlier);
                throw new ArgumentException(
                    $"Two objects would be written to {fileName}: {kind} '{name}' in namespace '{earlierNamespace ?? "(none)"}' and in namespace '{@namespace ?? "(none)"}'. Export them to separate folders.",
                    nameof(objects));
            }

            byName[fileName] = item;
            files.Add(new ManifestFile(System.IO.Path.Combine(path, fileName), [item], ManifestYamlWriter.Write([item])));
        }

        return files;
    }

    // DNS-1123 subdomain, as the API server checks metadata.name.
    private static bool IsObjectName(string name) =>
        name.Length is > 0 and <= 253 && System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");

    /// <summary>Null when the object can be written as a manifest, else why not (in words for the user).</summary>
    public static string? WhyNotExportable(object? item) => item switch
    {
        // A Secret's data is a credential, which never reaches MeshOps' output.
        V1Secret secret => $"Secret '{secret.Metadata?.Name}' is not written: MeshOps never writes credentials. Create it with kubectl create secret.",
        IMeshResource or IKubernetesObject when string.IsNullOrEmpty(Identity(item).Name) => $"A {Identity(item).Kind} without metadata.name cannot be written as a manifest.",
        IMeshResource or IKubernetesObject => null,
        _ => $"A {item?.GetType().FullName ?? "null"} is no Kubernetes or mesh object; pipe the objects New-MeshIntention, New-MeshServiceDefault, New-MeshServicePort, New-MeshServiceAccount, Import-MeshManifest or the SDK's builders write.",
    };

    private static (string Kind, string Name, string? Namespace) Identity(object item) => item switch
    {
        IMeshResource mesh => (mesh.Kind, mesh.Metadata?.Name ?? string.Empty, mesh.Metadata?.NamespaceProperty),
        IKubernetesObject<V1ObjectMeta> kubernetes => (kubernetes.Kind ?? item.GetType().Name, kubernetes.Metadata?.Name ?? string.Empty, kubernetes.Metadata?.NamespaceProperty),
        IKubernetesObject kubernetes => (kubernetes.Kind ?? item.GetType().Name, string.Empty, null),
        _ => (item.GetType().Name, string.Empty, null),
    };
}
