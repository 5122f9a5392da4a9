using System.Text;
using MeshOps.Clients;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Paths.Live;

namespace MeshOps.Tests.Paths.Live;

public class EnvoySidecarReaderTests
{
    [Fact]
    public async Task A_refused_request_leaves_its_part_unread_with_the_reason_and_the_others_read()
    {
        var clusters = File.ReadAllBytes(ReferenceData.Path("envoy-samples", "consul-k8s", "test_clusters.json"));
        await using var admin = new ScriptedAdmin(new Dictionary<string, byte[]?>
        {
            ["/clusters?format=json"] = clusters,
            ["/stats"] = """{"stats":[{"name":"cluster.local_app.upstream_cx_connect_fail","value":3}]}"""u8.ToArray(),
            ["/certs"] = null,
        });

        var data = await EnvoySidecarReader.ReadAdminAsync(admin, "default", "web-1", readClusters: true, TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        Assert.Equal(5, data.Clusters!.Value!.Count);
        var counter = Assert.Single(data.Stats!.Value!.Second);
        Assert.Equal(("cluster.local_app.upstream_cx_connect_fail", 3d), (counter.Name, counter.Value!.Value));
        Assert.Null(data.Certificates!.Value);
        Assert.Contains("refused", data.Certificates.Reason, StringComparison.Ordinal);
        Assert.Equal(2, admin.Requests.Count(r => r.StartsWith("/stats?format=json&type=Counters&filter=", StringComparison.Ordinal)));
        Assert.Null(data.LogLines);
    }

    [Fact]
    public async Task The_destination_is_read_without_its_clusters()
    {
        await using var admin = new ScriptedAdmin(new Dictionary<string, byte[]?> { ["/stats"] = """{"stats":[]}"""u8.ToArray(), ["/certs"] = """{"certificates":[]}"""u8.ToArray() });

        var data = await EnvoySidecarReader.ReadAdminAsync(admin, "default", "api-1", readClusters: false, TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        Assert.Null(data.Clusters);
        Assert.DoesNotContain(admin.Requests, r => r.StartsWith("/clusters", StringComparison.Ordinal));
        Assert.Empty(data.Certificates!.Value!);
    }

    /// <summary>Answers by path (the part before '?', except for /clusters); a null body is a refused request.</summary>
    private sealed class ScriptedAdmin(IReadOnlyDictionary<string, byte[]?> answers) : IEnvoyAdmin
    {
        public List<string> Requests { get; } = [];

        public EnvoySource Source { get; } = EnvoySource.ForPod("default", "web-1", 19000);

        public Task<EnvoyAdminResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default)
        {
            Requests.Add(pathAndQuery);
            var key = answers.ContainsKey(pathAndQuery) ? pathAndQuery : pathAndQuery.Split('?')[0];
            if (!answers.TryGetValue(key, out var body) || body is null)
            {
                throw new EndpointException(new Uri("http://127.0.0.1:19000" + key), EndpointFailure.ConnectionRefused, $"Envoy admin of pod default/web-1 refused {key}");
            }

            return Task.FromResult(new EnvoyAdminResponse(Source, pathAndQuery, 200, "application/json", body));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
