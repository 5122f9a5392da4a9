using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshOps.Rules.Catalog;

namespace MeshOps.Rules.Checks
{
    /// <summary>A container port as a pod template declares it.</summary>
    public sealed record DeclaredContainerPort(int Number, string? Name)
    {
        public override string ToString() =>
            Name is { Length: > 0 } name ? Number.ToString(CultureInfo.InvariantCulture) + " (" + name + ")" : Number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The port consul-k8s registers a mesh pod's service on, and what decides it.</summary>
    public sealed record RegisteredPort(int Number, string Origin);

    /// <summary>
    /// A workload a Service selects, named as findings show it ("Deployment/payments"), with its container ports (all
    /// containers) and whether it is in the mesh.
    /// </summary>
    public sealed record SelectedWorkload(string Display, IReadOnlyList<DeclaredContainerPort> Ports, MeshMembership Membership)
    {
        /// <summary>The port consul-k8s registers (see <see cref="TargetPortMismatchCheck.Registered"/>); null for port 0.</summary>
        public RegisteredPort? Registered { get; init; }

        /// <summary>Where the app's own configuration says it listens (LISTEN_ADDR, --port, a bind address...).</summary>
        public IReadOnlyList<ListenAddress> Listeners { get; init; } = Array.Empty<ListenAddress>();

        /// <summary>Ports the kubelet probes: something answers there, or the pod would never be ready.</summary>
        public IReadOnlyList<int> ProbedPorts { get; init; } = Array.Empty<int>();
    }

    /// <summary>
    /// A Service port and its targetPort as written, or the port number when targetPort is left out.
    /// <paramref name="IsName"/>: the targetPort is known to be a name even if it reads like a number (the typed mesh's
    /// TargetPortName); a manifest's IntOrString cannot tell, and a number-like text there is read as the number.
    /// </summary>
    public sealed record TargetedPort(int Port, string Target, bool IsName = false);

    /// <summary>
    /// MESH101: a Service port whose targetPort (number or name) matches no container port of a selected workload,
    /// judged by what really carries the traffic:
    /// <list type="bullet">
    /// <item>a name no container declares: Kubernetes cannot resolve it and leaves the pods out of the Service's
    /// endpoints, so kube-proxy has nowhere to send callers and consul-k8s (which registers what the endpoints list)
    /// registers no instance;</item>
    /// <item>a number, outside the mesh: kube-proxy sends to that port whatever containerPorts say (they are
    /// informational), so it breaks only when the app is known to listen elsewhere;</item>
    /// <item>a number, in the mesh: callers reach the pod through the sidecars, and the destination's Envoy forwards to
    /// 127.0.0.1:&lt;registered port&gt; (consul-k8s endpoints controller, LocalServicePort). That breaks when the app is
    /// known to listen elsewhere; otherwise the Service and Consul only disagree, which hurts what bypasses the sidecar.
    /// (With transparent proxy the outbound listener matches upstreams by virtual IP only, so the Service port and its
    /// targetPort play no part in mesh calls.)</item>
    /// </list>
    /// </summary>
    public static class TargetPortMismatchCheck
    {
        /// <summary>One Service port that misses; Missing are indexes into the workloads given.</summary>
        public sealed record Hit(int PortIndex, IReadOnlyList<int> Missing, RuleVerdict Verdict);

        private sealed record Judgement(int Workload, Severity Severity, string Mechanism, string Fix);

        public static IEnumerable<Hit> Check(string service, string ns, IReadOnlyList<TargetedPort> ports, IReadOnlyList<SelectedWorkload> workloads)
        {
            for (var i = 0; i < ports.Count; i++)
            {
                var port = ports[i];
                // A pod that declares no port gives no evidence either way (MESH107 covers mesh pods).
                var judgements = Enumerable.Range(0, workloads.Count)
                    .Where(w => workloads[w].Ports.Count > 0 && Resolve(workloads[w].Ports, port.Target, port.IsName) is null)
                    .Select(w => Judge(service, port, w, workloads[w]))
                    .Where(j => j is not null)
                    .Select(j => j!)
                    .ToList();
                if (judgements.Count == 0)
                {
                    continue;
                }

                var worst = judgements.OrderByDescending(j => j.Severity).First();
                var missing = judgements.Select(j => j.Workload).ToList();
                var args = new object[]
                {
                    service, ns, port.Port, port.Target,
                    string.Join(", ", missing.Select(w => workloads[w].Display)),
                    string.Join(", ", missing.SelectMany(w => workloads[w].Ports.Select(p => p.ToString())).Distinct()),
                    worst.Mechanism, worst.Fix,
                };
                yield return new Hit(i, missing, new RuleVerdict(RuleCatalog.TargetPortMismatch, args, worst.Severity == Severity.Error ? null : worst.Severity));
            }
        }

        /// <summary>The port number a targetPort (number or name) resolves to among these ports, or null.</summary>
        public static int? Resolve(IReadOnlyList<DeclaredContainerPort> ports, string target, bool isName = false)
        {
            var number = 0;
            var isNumber = !isName && int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out number);
            foreach (var port in ports)
            {
                if (isNumber ? port.Number == number : string.Equals(port.Name, target, StringComparison.Ordinal))
                {
                    return port.Number;
                }
            }

            return null;
        }

        /// <summary>
        /// The port consul-k8s 1.x registers a pod on: the first entry of consul.hashicorp.com/connect-service-port, a
        /// container port name or a number (common.PortValue); without the annotation the injector writes the first
        /// container's ports into it (mesh_webhook defaultAnnotations), so the first of those. Null means port 0.
        /// </summary>
        public static RegisteredPort? Registered(string? annotation, string firstContainer, IReadOnlyList<DeclaredContainerPort> firstContainerPorts, IReadOnlyList<DeclaredContainerPort> allPorts)
        {
            if (annotation is { } written && written.Split(',')[0].Trim() is { Length: > 0 } token)
            {
                var named = allPorts.FirstOrDefault(p => string.Equals(p.Name, token, StringComparison.Ordinal));
                var number = named?.Number ?? (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0);
                return number > 0 ? new RegisteredPort(number, "annotation consul.hashicorp.com/connect-service-port: " + written) : null;
            }

            return firstContainerPorts.Count > 0 && firstContainerPorts[0].Number > 0
                ? new RegisteredPort(firstContainerPorts[0].Number, "the first containerPort of container " + firstContainer)
                : null;
        }

        private static Judgement? Judge(string service, TargetedPort port, int index, SelectedWorkload workload)
        {
            var inMesh = workload.Membership.InMesh;
            var display = workload.Display;
            var declared = string.Join(", ", workload.Ports.Select(p => p.ToString()));
            var isNumber = !port.IsName && int.TryParse(port.Target, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            if (!isNumber)
            {
                return new Judgement(index, Severity.Error,
                    "No container of " + display + " declares a port named '" + port.Target + "', so Kubernetes leaves its pods out of the Service's endpoints: kube-proxy has nowhere to send callers (connection refused)"
                    + (inMesh ? ", and consul-k8s, which registers the pods the endpoints list, registers no instance of " + service + ": mesh callers get 'no healthy upstream'." : "."),
                    "Set targetPort of port " + Number(port.Port) + " in Service " + service + " to a port " + display + " declares (" + declared + "), or name that container port '" + port.Target + "'.");
            }

            var target = int.Parse(port.Target, NumberStyles.Integer, CultureInfo.InvariantCulture);
            var listeners = string.Join(", ", workload.Listeners.Select(l => l.Excerpt).Distinct());
            var listenPorts = string.Join(", ", workload.Listeners.Select(l => Number(l.Port)).Distinct());
            if (!inMesh)
            {
                if (workload.Listeners.Count == 0 || ListensOn(workload, target))
                {
                    return null;
                }

                return new Judgement(index, Severity.Error,
                    display + " is not in the mesh (" + workload.Membership.Origin + "), so kube-proxy sends callers to port " + port.Target + " of its pods whatever containerPorts say, but its configuration says the app listens on " + listeners + ": connection refused.",
                    "Set targetPort of port " + Number(port.Port) + " in Service " + service + " to the port the app listens on (" + listenPorts + "), or make the app listen on " + port.Target + ".");
            }

            if (workload.Registered is not { } registered)
            {
                return null;
            }

            var registration = display + " is in the mesh (" + workload.Membership.Origin + "): consul-k8s registers " + service + " on port " + Number(registered.Number)
                + " (" + registered.Origin + ") and its Envoy forwards every inbound mesh connection to 127.0.0.1:" + Number(registered.Number);
            if (workload.Listeners.Count > 0 && !ListensOn(workload, registered.Number))
            {
                return new Judgement(index, Severity.Error,
                    registration + ", but its configuration says the app listens on " + listeners + ": mesh callers get 'upstream connect error ... delayed connect error: 111' (connection refused). The Service's targetPort plays no part in mesh calls.",
                    "Declare the port the app listens on (" + listenPorts + ") as the first containerPort of " + display + ", or set the annotation consul.hashicorp.com/connect-service-port to it: consul-k8s registers that port.");
            }

            // kube-proxy and Consul agree on the port, or the app answers on both: nothing is sent where nothing listens.
            if (registered.Number == target || (ListensOn(workload, target) && ListensOn(workload, registered.Number)))
            {
                return null;
            }

            var fix = "Set targetPort of port " + Number(port.Port) + " in Service " + service + " to " + Number(registered.Number) + ", the port consul-k8s registers, or, if the app listens on " + port.Target + ", declare containerPort " + port.Target + " first in " + display + ".";
            return ListensOn(workload, registered.Number)
                ? new Judgement(index, Severity.Warning,
                    registration + ", where the app listens (" + ListenEvidence(workload, registered.Number) + "), so mesh calls work; only what goes through the Service without a sidecar (callers outside the mesh through kube-proxy, kubectl port-forward svc/" + service + ") is sent to " + port.Target + " and refused.",
                    fix)
                : new Judgement(index, Severity.Warning,
                    registration + ", while the Service sends what bypasses the sidecar to " + port.Target + ". One of the two is wrong: if the app listens on " + port.Target + ", every mesh call is refused; if on " + Number(registered.Number) + ", only callers outside the mesh and kubectl port-forward svc/" + service + " are.",
                    fix);
        }

        private static bool ListensOn(SelectedWorkload workload, int port) =>
            workload.Listeners.Any(l => l.Port == port) || workload.ProbedPorts.Contains(port);

        private static string ListenEvidence(SelectedWorkload workload, int port) =>
            workload.Listeners.FirstOrDefault(l => l.Port == port) is { } listener ? listener.Excerpt : "a probe checks port " + Number(port);

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
