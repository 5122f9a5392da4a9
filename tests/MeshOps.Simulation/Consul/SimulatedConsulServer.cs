using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Faults;
using MeshOps.Simulation.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshOps.Simulation.Consul;

/// <summary>
/// A Consul HTTP API on http://127.0.0.1:port answering from a <see cref="ConsulState"/>: status leader, agent self,
/// catalog, health (service and connect), intentions check/match/exact, config entries and CA roots, with Consul's
/// X-Consul-Index / X-Consul-KnownLeader headers, its ACL answers (403 "ACL not found" for a missing or wrong token when a
/// token is required; "Permission denied" for a path <see cref="DenyPermission"/> names) and the shared fault modes.
/// </summary>
public sealed class SimulatedConsulServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerCertificates? _certificate;
    private readonly ConcurrentQueue<RecordedConsulRequest> _requests = new();
    private readonly ConcurrentDictionary<string, (string Permission, string Resource)> _denied = new(StringComparer.Ordinal);

    private SimulatedConsulServer(WebApplication app, ConsulState state, FaultPlan faults, ServerCertificates? certificate)
    {
        _app = app;
        _certificate = certificate;
        State = state;
        Faults = faults;
    }

    public ConsulState State { get; }

    public FaultPlan Faults { get; }

    /// <summary>http://127.0.0.1:port/, or https:// for a server started with <see cref="StartTlsAsync"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The PEM of the CA that signed the HTTPS server's certificate (what CONSUL_CACERT names); null over HTTP.</summary>
    public string? CertificateAuthorityPem => _certificate?.AuthorityPem;

    public IPEndPoint EndPoint { get; private set; } = null!;

    public IReadOnlyList<RecordedConsulRequest> Requests => [.. _requests];

    public void ClearRequests() => _requests.Clear();

    /// <summary>
    /// Requests whose path starts with <paramref name="pathPrefix"/> are refused as for a valid token that lacks
    /// <paramref name="permission"/> ("service:read", "intentions:read", "operator:read") on <paramref name="resource"/>.
    /// </summary>
    public void DenyPermission(string pathPrefix, string permission, string resource) => _denied[pathPrefix] = (permission, resource);

    public static Task<SimulatedConsulServer> StartAsync(ConsulState state, FaultPlan? faults = null, string? requiredToken = null, CancellationToken ct = default) =>
        StartAsync(state, faults, requiredToken, certificate: null, ct);

    /// <summary>The same server over HTTPS (port 8501 in a real cluster), with a certificate from a CA made for it.</summary>
    public static Task<SimulatedConsulServer> StartTlsAsync(ConsulState state, FaultPlan? faults = null, string? requiredToken = null, CancellationToken ct = default) =>
        StartAsync(state, faults, requiredToken, ServerCertificates.Create("Consul Agent CA (simulated)", "server.dc1.consul", "server.dc1.consul"), ct);

    private static async Task<SimulatedConsulServer> StartAsync(ConsulState state, FaultPlan? faults, string? requiredToken, ServerCertificates? certificate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate.Server);
            }
        }));
        var app = builder.Build();
        var server = new SimulatedConsulServer(app, state, faults ?? new FaultPlan(), certificate);
        app.Use(server.Record);
        app.UseFaults(server.Faults);
        app.Use((context, next) => server.CheckToken(context, next, requiredToken));
        ConsulRoutes.Map(app, state);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        server.EndPoint = new IPEndPoint(IPAddress.Loopback, server.BaseAddress.Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _certificate?.Dispose();
    }

    private Task Record(HttpContext context, RequestDelegate next)
    {
        _requests.Enqueue(new RecordedConsulRequest(
            context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "",
            context.Request.Headers.ContainsKey("X-Consul-Token")));
        return next(context);
    }

    // Consul answers both an unknown token and, with a deny default policy, a missing one with 403 "ACL not found".
    private async Task CheckToken(HttpContext context, RequestDelegate next, string? requiredToken)
    {
        var path = context.Request.Path.Value ?? "/";
        if (requiredToken is not null && context.Request.Headers["X-Consul-Token"].ToString() != requiredToken)
        {
            await Forbidden(context, "ACL not found");
            return;
        }

        var denied = _denied.FirstOrDefault(d => path.StartsWith(d.Key, StringComparison.Ordinal));
        if (denied.Key is not null)
        {
            await Forbidden(context, $"Permission denied: token with AccessorID 'b6e7a7e3-1c1f-4cbe-8a3e-0b8c2a0e6d51' lacks permission '{denied.Value.Permission}' on \"{denied.Value.Resource}\"");
            return;
        }

        context.Response.Headers["X-Consul-Index"] = State.Index.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Consul-KnownLeader"] = State.Leader.Length > 0 ? "true" : "false";
        context.Response.Headers["X-Consul-LastContact"] = "0";
        context.Response.Headers["X-Consul-Effective-Consistency"] = "leader";
        await next(context);
    }

    private static Task Forbidden(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
