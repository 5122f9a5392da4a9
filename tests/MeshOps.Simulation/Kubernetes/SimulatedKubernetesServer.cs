using System.Net;
using System.Security.Cryptography;
using System.Text;
using MeshOps.Simulation.Faults;
using MeshOps.Simulation.Kubernetes.Api;
using MeshOps.Simulation.Kubernetes.Streams;
using MeshOps.Simulation.Pods;
using MeshOps.Simulation.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshOps.Simulation.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server on https://127.0.0.1 (a random port), serving the objects of an
/// <see cref="ObjectStore"/> with the discovery, list, get, create, delete and server-side apply of kube-apiserver 1.32,
/// and the pod exec and port-forward streams. It accepts one bearer token; its TLS certificate is signed by a CA made
/// for this run, which <see cref="WriteKubeconfig"/> puts in the kubeconfig, so clients verify TLS as against a real
/// cluster. kubectl 1.32 works against it (the fidelity tests run it).
/// </summary>
public sealed class SimulatedKubernetesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerCertificates _certificates;
    private readonly RequestLog _requests;

    private SimulatedKubernetesServer(WebApplication app, ServerCertificates certificates, RequestLog requests, string token, FaultPlan faults, ObjectStore store)
    {
        _app = app;
        _certificates = certificates;
        _requests = requests;
        Token = token;
        Faults = faults;
        Store = store;
    }

    /// <summary>https://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The one bearer token the server accepts; any other credential is answered 401 Unauthorized.</summary>
    public string Token { get; }

    /// <summary>The PEM of the CA that signed the serving certificate.</summary>
    public string CertificateAuthorityPem => _certificates.AuthorityPem;

    public FaultPlan Faults { get; }

    /// <summary>What the server serves; <see cref="ServedApis.Remove"/> makes a cluster without a CRD (its group 404s and leaves discovery).</summary>
    public ServedApis Apis { get; } = new();

    /// <summary>What RBAC refuses the token's user: <see cref="AccessRules.Forbid"/> makes a verb on a resource answer 403.</summary>
    public AccessRules Access { get; } = new();

    public ObjectStore Store { get; }

    /// <summary>What each container has logged, served by the pod log endpoint.</summary>
    public PodLogs Logs { get; } = new();

    /// <summary>Every request received since start or the last <see cref="ClearRequests"/>, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    public void ClearRequests() => _requests.Clear();

    /// <summary>Appends every later request to <paramref name="file"/>, one "METHOD path?query" line each, for a test in another process.</summary>
    public void LogRequestsTo(string file) => _requests.AlsoWriteTo(file);

    public static async Task<SimulatedKubernetesServer> StartAsync(ObjectStore store, PodNetwork network, PodFiles files, FaultPlan? faults = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(files);
        faults ??= new FaultPlan();
        var certificates = ServerCertificates.Create();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var requests = new RequestLog();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificates.Server)));
        var app = builder.Build();
        var server = new SimulatedKubernetesServer(app, certificates, requests, token, faults, store);

        app.Use(async (context, next) =>
        {
            requests.Add(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty));
            await next(context);
        });
        app.UseFaults(faults);
        app.Use(async (context, next) =>
        {
            if (!server.IsAuthorized(context.Request))
            {
                await ApiResponses.WriteAsync(context, StatusException.Unauthorized());
                return;
            }

            await next(context);
        });
        app.UseWebSockets();
        app.UseRouting();
        ApiRoutes.Map(app, store, server.Apis, server.Access, () => server.BaseAddress);
        PodStreamEndpoints.Map(app, store, network, files, server.Access);
        PodLogEndpoint.Map(app, store, server.Access, server.Logs);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Writes a kubeconfig for this server (cluster, user and context all named <paramref name="context"/>) and returns its full path.</summary>
    public string WriteKubeconfig(string path, string context = "simulated", string? @namespace = null) =>
        KubeconfigWriter.Write(path, BaseAddress, CertificateAuthorityPem, Token, context, @namespace);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificates.Dispose();
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(Token));
    }
}
