using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshOps.Simulation.Envoy;

/// <summary>
/// One sidecar's Envoy admin interface on 127.0.0.1 (a pod's port 19000 is mapped to <see cref="EndPoint"/> in the
/// pod network), answering from <see cref="Data"/>, which a test may replace while it runs (a sidecar turning ready).
/// </summary>
public sealed class SimulatedEnvoyAdmin : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };
    private readonly WebApplication _app;
    private readonly Lock _statsReads = new();
    private volatile EnvoyAdminData _data;

    private SimulatedEnvoyAdmin(WebApplication app, EnvoyAdminData data, FaultPlan faults)
    {
        _app = app;
        _data = data;
        Faults = faults;
    }

    public EnvoyAdminData Data
    {
        get => _data;
        set => _data = value ?? throw new ArgumentNullException(nameof(value));
    }

    public FaultPlan Faults { get; }

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public Uri BaseAddress => new($"http://{EndPoint}/");

    public static async Task<SimulatedEnvoyAdmin> StartAsync(EnvoyAdminData data, FaultPlan? faults = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var admin = new SimulatedEnvoyAdmin(app, data, faults ?? new FaultPlan());
        app.UseFaults(admin.Faults);
        admin.MapEndpoints(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        admin.EndPoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);
        return admin;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/ready", (HttpContext http) =>
            Text(http, Data.State == EnvoyServerState.Live ? 200 : 503, Data.StateName + "\n"));
        app.MapGet("/server_info", (HttpContext http) => JsonBody(http, EnvoyServerInfo.Json(Data)));
        app.MapGet("/certs", (HttpContext http) => JsonBody(http, EnvoyServerInfo.Certs(Data)));
        app.MapGet("/stats", (HttpContext http) =>
        {
            var (status, type, body) = EnvoyStatsPage.Render(ReadStats(), Query(http));
            return Write(http, status, type, body);
        });
        app.MapGet("/stats/prometheus", (HttpContext http) =>
        {
            var query = new Dictionary<string, string?>(Query(http)) { ["format"] = "prometheus" };
            var (status, type, body) = EnvoyStatsPage.Render(ReadStats(), query);
            return Write(http, status, type, body);
        });
        app.MapGet("/clusters", (HttpContext http) => IsJson(http)
            ? JsonBody(http, EnvoyClusters.Json(Data))
            : Text(http, 200, EnvoyClusters.Text(Data)));
        app.MapGet("/listeners", (HttpContext http) => IsJson(http)
            ? JsonBody(http, EnvoyConfigDump.ListenersJson(Data))
            : Text(http, 200, EnvoyConfigDump.ListenersText(Data)));
        app.MapGet("/config_dump", (HttpContext http) =>
        {
            var includeEds = http.Request.Query.ContainsKey("include_eds");
            if (http.Request.Query["resource"].ToString() is { Length: > 0 } resource)
            {
                var (status, type, body) = EnvoyConfigDump.Resource(Data, resource, includeEds);
                return Write(http, status, type, body);
            }

            return JsonBody(http, EnvoyConfigDump.Json(Data, includeEds));
        });
    }

    /// <summary>The data a stats read answers from; rising counters have grown for the next read.</summary>
    private EnvoyAdminData ReadStats()
    {
        lock (_statsReads)
        {
            var current = _data;
            _data = current.AfterStatsRead();
            return current;
        }
    }

    private static bool IsJson(HttpContext http) => http.Request.Query["format"] == "json";

    private static Dictionary<string, string?> Query(HttpContext http) =>
        http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);

    private static Task Text(HttpContext http, int status, string body) => Write(http, status, "text/plain; charset=UTF-8", body);

    private static Task JsonBody(HttpContext http, JsonObject body) => Write(http, 200, "application/json", body.ToJsonString(Pretty) + "\n");

    private static Task Write(HttpContext http, int status, string contentType, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        return http.Response.WriteAsync(body, http.RequestAborted);
    }
}
