using k8s;
using k8s.KubeConfigModels;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Merges several kubeconfig files as client-go does for KUBECONFIG: the first file to define a cluster, user or
/// context by name wins, and so does the first current-context. Relative file references (certificate-authority,
/// client-certificate, client-key) are made absolute against the file that wrote them, as kubectl resolves them.
/// </summary>
public static class KubeconfigMerge
{
    public static K8SConfiguration Load(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var clusters = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, User>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, Context>(StringComparer.Ordinal);
        string? currentContext = null;
        foreach (var file in files)
        {
            var config = Read(file);
            var folder = Path.GetDirectoryName(file) ?? ".";
            foreach (var cluster in config.Clusters ?? [])
            {
                if (cluster.Name is not null && cluster.ClusterEndpoint is { } endpoint)
                {
                    endpoint.CertificateAuthority = Absolute(folder, endpoint.CertificateAuthority);
                    clusters.TryAdd(cluster.Name, cluster);
                }
            }

            foreach (var user in config.Users ?? [])
            {
                if (user.Name is not null)
                {
                    if (user.UserCredentials is { } credentials)
                    {
                        credentials.ClientCertificate = Absolute(folder, credentials.ClientCertificate);
                        credentials.ClientKey = Absolute(folder, credentials.ClientKey);
                    }

                    users.TryAdd(user.Name, user);
                }
            }

            foreach (var context in config.Contexts ?? [])
            {
                if (context.Name is not null)
                {
                    contexts.TryAdd(context.Name, context);
                }
            }

            currentContext ??= string.IsNullOrEmpty(config.CurrentContext) ? null : config.CurrentContext;
        }

        return new K8SConfiguration
        {
            Clusters = [.. clusters.Values],
            Users = [.. users.Values],
            Contexts = [.. contexts.Values],
            CurrentContext = currentContext,
            FileName = files.Count > 0 ? files[0] : null,
        };
    }

    private static K8SConfiguration Read(string file)
    {
        try
        {
            return KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file), useRelativePaths: false);
        }
        catch (YamlDotNet.Core.YamlException yaml)
        {
            // The parser's message can quote the text near the error, which may be a token: give the position only.
            throw new KubernetesConfigurationException($"The kubeconfig '{file}' is not valid YAML (line {yaml.Start.Line}, column {yaml.Start.Column}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or k8s.Exceptions.KubeConfigException)
        {
            throw new KubernetesConfigurationException($"The kubeconfig '{file}' cannot be read: {ex.Message}");
        }
    }

    private static string? Absolute(string folder, string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));
}
