using System.Globalization;
using MeshOps.Simulation.Pods;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What each injected pod's <c>consul-dataplane</c> container logs: consul-dataplane's start-up (hclog text, messages
/// of hashicorp/consul-dataplane pkg/consuldp/consul_dataplane.go and xds.go, and of its server-connection-manager,
/// hashicorp/consul-server-connection-manager discovery/watcher.go) and Envoy's first lines in the format
/// consul-dataplane gives it, as logged in hashicorp/consul#15820. With <c>consul-unreachable</c> the connection
/// manager never connects and repeats its connection error (as logged in hashicorp/consul-k8s#1903).
/// </summary>
internal static class SidecarLogs
{
    private const int Attempts = 3;

    public static void Write(PodLogs logs, ClusterContents contents, IReadOnlyList<RuntimeFault> faults)
    {
        var server = contents.Pods.FirstOrDefault(p => p.Namespace == ConsulInstallation.Namespace && p.Name == ConsulInstallation.ServerPod)?.PodIp ?? "10.244.0.5";
        var started = DateTimeOffset.UtcNow.AddMinutes(-42);
        foreach (var registration in MeshRegistration.For(contents))
        {
            var pod = registration.Pod;
            var unreachable = faults.Any(f => f.Applies(RuntimeFaultKind.ConsulUnreachable, registration.Service));
            logs.Write(pod.Namespace, pod.Name, SidecarInjector.DataplaneContainer, unreachable ? Unreachable(server, started) : Ordinary(server, started));
        }
    }

    private static List<string> Ordinary(string server, DateTimeOffset started)
    {
        var clock = new Clock(started);
        return
        [
            clock.Hclog("INFO", "consul-dataplane: started consul-dataplane process"),
            clock.Hclog("INFO", "consul-dataplane: consul-dataplane mode: sidecar"),
            clock.Hclog("INFO", "consul-dataplane.server-connection-manager: trying to connect to a Consul server"),
            clock.Hclog("INFO", $"consul-dataplane.server-connection-manager: discovered Consul servers: addresses=[{server}:8502]"),
            clock.Hclog("INFO", $"consul-dataplane.server-connection-manager: current prioritized list of known Consul servers: addresses=[{server}:8502]"),
            clock.Hclog("INFO", $"consul-dataplane.server-connection-manager: connected to Consul server: address={server}:8502"),
            clock.Hclog("INFO", $"consul-dataplane: connected to Consul server over gRPC: initial_server_address={server}:8502"),
            clock.Hclog("INFO", "consul-dataplane: configuring xDS and Envoy"),
            clock.Hclog("INFO", "consul-dataplane: starting envoy xDS server: address=127.0.0.1:38957"),
            clock.Envoy("info", "envoy.admin(15) admin address: 127.0.0.1:19000"),
            clock.Envoy("info", "envoy.config(15) loading 2 cluster(s)"),
            clock.Envoy("info", "envoy.upstream(15) cm init: initializing cds"),
            clock.Envoy("warning", "envoy.main(15) there is no configured limit to the number of allowed active connections. Set a limit via the runtime key overload.global_downstream_max_connections"),
            clock.Envoy("info", "envoy.main(15) starting main dispatch loop"),
        ];
    }

    private static List<string> Unreachable(string server, DateTimeOffset started)
    {
        var clock = new Clock(started);
        var lines = new List<string>
        {
            clock.Hclog("INFO", "consul-dataplane: started consul-dataplane process"),
            clock.Hclog("INFO", "consul-dataplane: consul-dataplane mode: sidecar"),
        };
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            lines.Add(clock.Hclog("INFO", "consul-dataplane.server-connection-manager: trying to connect to a Consul server"));
            lines.Add(clock.Hclog("INFO", $"consul-dataplane.server-connection-manager: discovered Consul servers: addresses=[{server}:8502]"));
            lines.Add(clock.Hclog("INFO", $"consul-dataplane.server-connection-manager: current prioritized list of known Consul servers: addresses=[{server}:8502]"));
            lines.Add(clock.Hclog("ERROR",
                $"consul-dataplane.server-connection-manager: connection error: error=\"failed to switch to Consul server \\\"{server}:8502\\\": target sub-connection is not ready (state=TRANSIENT_FAILURE)\""));
        }

        return lines;
    }

    /// <summary>Timestamps a few hundred milliseconds apart, in hclog's and consul-dataplane's Envoy format.</summary>
    private sealed class Clock(DateTimeOffset start)
    {
        private DateTimeOffset _now = start;

        public string Hclog(string level, string message) => $"{Next()} {("[" + level + "]").PadRight(7)} {message}";

        public string Envoy(string level, string message) => $"{Next()}+00:00 [{level}] {message}";

        private string Next()
        {
            _now = _now.AddMilliseconds(201);
            return _now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture) + "Z";
        }
    }
}
