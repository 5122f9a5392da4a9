using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MeshOps.Simulation.Kubernetes;

namespace MeshOps.Live.Tests.Live;

/// <summary>
/// Stands in front of the simulated API server as RBAC and CRD installation do: requests under a refused path get the
/// 403 Status the API server writes, those under a missing path get 404, and the rest are forwarded with the server's token.
/// </summary>
internal sealed class RefusingProxy : IAsyncDisposable
{
    public const string Token = "proxy-bearer-token-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private RefusingProxy(WebApplication app, HttpClient upstream, Uri address)
    {
        _app = app;
        _upstream = upstream;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RefusingProxy> StartAsync(SimulatedKubernetesServer server, IReadOnlyDictionary<string, (HttpStatusCode Status, string Message)> refused)
    {
        // The simulated server's CA is trusted by its kubeconfig, not by this machine: the proxy pins it instead.
        var upstream = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = server.BaseAddress };
        upstream.DefaultRequestHeaders.Authorization = new("Bearer", server.Token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var query = context.Request.QueryString.Value ?? string.Empty;
            if (refused.FirstOrDefault(r => (path + query).StartsWith(r.Key, StringComparison.Ordinal)) is { Key: not null } refusal)
            {
                context.Response.StatusCode = (int)refusal.Value.Status;
                context.Response.ContentType = "application/json";
                var reason = refusal.Value.Status == HttpStatusCode.Forbidden ? "Forbidden" : "NotFound";
                await context.Response.WriteAsync($$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":{{System.Text.Json.JsonSerializer.Serialize(refusal.Value.Message)}},"reason":"{{reason}}","code":{{(int)refusal.Value.Status}}}""");
                return;
            }

            using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), path.TrimStart('/') + query);
            using var answer = await upstream.SendAsync(forwarded);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await answer.Content.CopyToAsync(context.Response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RefusingProxy(app, upstream, new Uri(address));
    }

    /// <summary>A kubeconfig for the proxy: plain HTTP, a token of its own.</summary>
    public string WriteKubeconfig(string path, string context = "proxied")
    {
        File.WriteAllText(path, new StringBuilder()
            .Append("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ").Append(Address.GetLeftPart(UriPartial.Authority)).Append('\n')
            .Append("users:\n- name: u\n  user:\n    token: ").Append(Token).Append('\n')
            .Append("contexts:\n- name: ").Append(context).Append("\n  context:\n    cluster: c\n    user: u\n    namespace: default\n")
            .Append("current-context: ").Append(context).Append('\n').ToString());
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
