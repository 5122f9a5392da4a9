using MeshOps.Clients.Kubernetes;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Streams;

public sealed class PodExecDeadlineTests(PodStreamsFixture fixture) : IClassFixture<PodStreamsFixture>
{
    private const string SlowExec = "/api/v1/namespaces/shop/pods/public-api-1/exec";

    [Fact(Timeout = 60_000)]
    public async Task An_exec_the_API_server_does_not_answer_in_time_is_a_timeout_naming_command_and_pod()
    {
        fixture.Server.Faults.Add(new Fault(FaultKind.Latency, SlowExec, Times: 1) { Delay = TimeSpan.FromSeconds(30) });
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, PodStreamsFixture.App, ["cat", "/proc/net/tcp"], TimeSpan.FromSeconds(1)));

        Assert.Equal("The command [cat /proc/net/tcp] in pod shop/public-api-1 container public-api did not finish within 1 s.", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_an_exec_stops_it_as_a_cancellation_not_a_timeout()
    {
        fixture.Server.Faults.Add(new Fault(FaultKind.Latency, SlowExec, Times: 1) { Delay = TimeSpan.FromSeconds(30) });
        using var kubernetes = SimulatedPodClient.Create(fixture);
        using var cancel = new CancellationTokenSource();

        var run = PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, PodStreamsFixture.App, ["cat", "/proc/net/tcp"], cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
