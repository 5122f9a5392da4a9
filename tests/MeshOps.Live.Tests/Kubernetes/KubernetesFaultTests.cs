using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>Each fault of the plan, as a plain HttpClient sees it from the API server; after its uses, answers are normal again.</summary>
public sealed class KubernetesFaultTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>, IDisposable
{
    private const string Pods = "api/v1/namespaces/shop/pods";

    public void Dispose() => fixture.Server.Faults.Clear();

    [Theory]
    [InlineData(FaultKind.ServerError, 500)]
    [InlineData(FaultKind.TooManyRequests, 429)]
    [InlineData(FaultKind.ExpiredToken, 401)]
    public async Task A_status_fault_answers_its_status_once_then_the_list_again(FaultKind kind, int expected)
    {
        fixture.Server.Faults.Add(new Fault(kind, "/" + Pods, Times: 1) { RetryAfterSeconds = 7 });
        using var client = RawApi.Client(fixture.Server);

        using var faulted = await client.GetAsync(Pods);
        var (status, list) = await RawApi.GetAsync(client, Pods);

        Assert.Equal(expected, (int)faulted.StatusCode);
        if (kind == FaultKind.TooManyRequests)
            Assert.Equal(TimeSpan.FromSeconds(7), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(200, status);
        Assert.Equal(["api-1", "web-1", "web-2"], RawApi.Names(list));
    }

    [Fact]
    public async Task A_fault_on_one_path_leaves_other_paths_alone()
    {
        fixture.Server.Faults.Add(new Fault(FaultKind.ServerError, "/apis/apps"));
        using var client = RawApi.Client(fixture.Server);

        using var deployments = await client.GetAsync("apis/apps/v1/namespaces/shop/deployments");
        using var pods = await client.GetAsync(Pods);

        Assert.Equal(500, (int)deployments.StatusCode);
        Assert.Equal(200, (int)pods.StatusCode);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request_without_an_answer()
    {
        fixture.Server.Faults.Add(new Fault(FaultKind.DropConnection, "/" + Pods, Times: 1));
        using var client = RawApi.Client(fixture.Server);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Pods));
    }

    [Fact]
    public async Task A_truncated_body_fails_while_reading_the_content()
    {
        fixture.Server.Faults.Add(new Fault(FaultKind.TruncatedBody, "/" + Pods, Times: 1));
        using var client = RawApi.Client(fixture.Server);

        var failure = await Record.ExceptionAsync(() => client.GetStringAsync(Pods));

        Assert.True(failure is HttpRequestException or IOException, $"expected a failed read, got {failure?.GetType().Name ?? "a complete body"}");
    }

    [Fact]
    public async Task Latency_delays_the_real_answer_past_a_client_timeout()
    {
        fixture.Server.Faults.Add(new Fault(FaultKind.Latency, "/" + Pods, Times: 1) { Delay = TimeSpan.FromSeconds(30) });
        using var impatient = RawApi.Client(fixture.Server, timeout: TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(Pods));

        fixture.Server.Faults.Add(new Fault(FaultKind.Latency, "/" + Pods, Times: 1) { Delay = TimeSpan.FromMilliseconds(50) });
        using var patient = RawApi.Client(fixture.Server);
        var (status, list) = await RawApi.GetAsync(patient, Pods);
        Assert.Equal(200, status);
        Assert.Equal(3, RawApi.Names(list).Count);
    }
}
