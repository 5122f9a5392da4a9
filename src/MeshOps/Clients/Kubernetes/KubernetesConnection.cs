using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// A connection to one cluster, resolved as kubectl resolves it (<see cref="KubeconfigFiles"/>, then the context, then
/// the namespace), and the client that talks to it. TLS is verified unless the kubeconfig's cluster says
/// insecure-skip-tls-verify. <see cref="Describe"/> names the context and server, never a credential.
/// </summary>
public sealed class KubernetesConnection : IDisposable
{
    /// <summary>The name errors use for a connection built from the pod's service account, which has no context.</summary>
    public const string InClusterContext = "in-cluster service account";

    private const string DefaultNamespace = "default";

    private KubernetesConnection(KubernetesClientConfiguration configuration, string context, string @namespace, IKubernetes client)
    {
        Context = context;
        Server = configuration.Host;
        Namespace = @namespace;
        SkipTlsVerify = configuration.SkipTlsVerify;
        Client = client;
    }

    /// <summary>The context's name (or <see cref="InClusterContext"/>).</summary>
    public string Context { get; }

    /// <summary>The API server's URL.</summary>
    public string Server { get; }

    /// <summary>The namespace asked for, else the context's, else "default".</summary>
    public string Namespace { get; }

    /// <summary>True when the kubeconfig turned certificate verification off (insecure-skip-tls-verify).</summary>
    public bool SkipTlsVerify { get; }

    public IKubernetes Client { get; }

    /// <summary>Resolves the connection from the process's environment and the user's home folder, as kubectl does.</summary>
    /// <exception cref="KubernetesConfigurationException">No kubeconfig and no service account, an unknown context, an unreadable file.</exception>
    public static KubernetesConnection Create(KubernetesConnectionOptions options) =>
        Create(options, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Resolves the connection from the given environment and home folder.</summary>
    /// <exception cref="KubernetesConfigurationException">No kubeconfig and no service account, an unknown context, an unreadable file.</exception>
    public static KubernetesConnection Create(KubernetesConnectionOptions options, Func<string, string?> environment, string? home)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var (configuration, context, contextNamespace) = Configure(options, environment, home);
        var @namespace = options.Namespace ?? contextNamespace ?? DefaultNamespace;

        // The resilient pipeline's timeouts decide, so its error says which one ran out.
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        var handlers = ResilientHttp.CreateHandlers(KubernetesResilience.OptionsFor(context, options.Timeouts, options.OnRetry));
        return new KubernetesConnection(configuration, context, @namespace, new k8s.Kubernetes(configuration, handlers));
    }

    /// <summary>"context 'prod' (server https://10.0.0.1:6443)": what an error names so the user knows which cluster refused.</summary>
    public string Describe() => $"context '{Context}' (server {Server})";

    public override string ToString() => Describe();

    public void Dispose() => Client.Dispose();

    private static (KubernetesClientConfiguration Configuration, string Context, string? Namespace) Configure(
        KubernetesConnectionOptions options, Func<string, string?> environment, string? home)
    {
        var files = KubeconfigFiles.Resolve(options.Kubeconfig, environment, home);
        if (files.Count == 0)
        {
            // client-go's fallback: with no kubeconfig at all, a pod uses its service account.
            if (!string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && options.Context is null)
            {
                var inCluster = InCluster();
                return (inCluster, InClusterContext, inCluster.Namespace);
            }

            throw new KubernetesConfigurationException(
                $"No kubeconfig was found: give -Kubeconfig, set {KubeconfigFiles.EnvironmentVariable}, or write ~/.kube/config (kubectl config view shows what kubectl uses).");
        }

        var merged = KubeconfigMerge.Load(files);
        var context = options.Context ?? merged.CurrentContext;
        var where = files.Count == 1 ? $"the kubeconfig '{files[0]}'" : $"the kubeconfig files {string.Join(", ", files.Select(f => $"'{f}'"))}";
        if (string.IsNullOrEmpty(context))
        {
            throw new KubernetesConfigurationException($"{Capitalised(where)} set no current-context: give -Context (one of {Names(merged)}).");
        }

        var found = merged.Contexts.FirstOrDefault(c => c.Name == context)
            ?? throw new KubernetesConfigurationException($"The context '{context}' is not in {where}: it holds {Names(merged)}.");
        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
            return (configuration, context, string.IsNullOrEmpty(found.ContextDetails?.Namespace) ? null : found.ContextDetails.Namespace);
        }
        catch (KubeConfigException invalid)
        {
            // KubernetesClient's messages name clusters, users and files, never a credential's value.
            throw new KubernetesConfigurationException($"The context '{context}' in {where} cannot be used: {invalid.Message}");
        }
    }

    private static KubernetesClientConfiguration InCluster()
    {
        try
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        catch (Exception ex) when (ex is KubeConfigException or IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigurationException($"KUBERNETES_SERVICE_HOST is set but the pod's service account cannot be read: {ex.Message}");
        }
    }

    private static string Names(K8SConfiguration config) =>
        config.Contexts.Any() ? string.Join(", ", config.Contexts.Select(c => $"'{c.Name}'")) : "no context";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
