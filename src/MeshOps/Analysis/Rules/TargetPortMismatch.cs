using k8s.Models;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH101: a Service port's targetPort that no selected container declares, judged in <see cref="TargetPortMismatchCheck"/>.</summary>
internal sealed class TargetPortMismatch : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.TargetPortMismatch;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var service in model.Services)
        {
            var ports = service.Ports.Select(p => new TargetedPort(p.Port, ContainerPorts.TargetOf(p))).ToList();
            var workloads = service.Workloads.Select(w => Facts(w, service.Name)).ToList();
            foreach (var hit in TargetPortMismatchCheck.Check(service.Name, service.Namespace, ports, workloads))
            {
                var port = service.Ports[hit.PortIndex];
                var location = port.TargetPort is null
                    ? service.Resource.LocationOf("spec", "ports", hit.PortIndex, "port")
                    : service.Resource.LocationOf("spec", "ports", hit.PortIndex, "targetPort");
                yield return new RuleHit(
                    Descriptor,
                    service.Resource,
                    location,
                    hit.Verdict.Args,
                    hit.Missing.SelectMany(i => Evidence(service.Workloads[i], workloads[i])).ToList(),
                    hit.Verdict.SeverityOverride);
            }
        }
    }

    private static SelectedWorkload Facts(Workload workload, string service)
    {
        var all = Declared(workload.PodSpec.Containers ?? []);
        var first = workload.PodSpec.Containers?.FirstOrDefault();
        var portAnnotation = workload.PodAnnotations.GetValueOrDefault(ConsulAnnotations.ConnectServicePort);
        var multiPort = MultiPortEntry(workload, service, portAnnotation, first);
        return new SelectedWorkload(workload.ToString(), all, new MeshMembership(workload.InMesh, workload.InMeshOrigin))
        {
            Registered = first is null || multiPort is (true, null) ? null : TargetPortMismatchCheck.Registered(
                multiPort.Token ?? portAnnotation, first.Name, Declared([first]), all),
            Listeners = workload.Binds.Select(b => new ListenAddress(b.Bind.Host, b.Bind.Port, $"{b.Bind.Excerpt} ({b.Site.WrittenAt})")).ToList(),
            ProbedPorts = ProbedPorts(workload.PodSpec.Containers ?? [], all).ToList(),
        };
    }

    /// <summary>
    /// A pod naming several Consul services (connect-service "web,web-admin") registers each on the port entry at that
    /// service's position (endpoints_controller.go legacyServicePortForRegistration, getMultiPortIdx); the injector
    /// writes the first container's ports there when the annotation is absent. A Service not named there, or with no
    /// entry at its position, is not judged: Token null with IsMultiPort true.
    /// </summary>
    private static (bool IsMultiPort, string? Token) MultiPortEntry(Workload workload, string service, string? portAnnotation, V1Container? first)
    {
        var names = workload.PodAnnotations.GetValueOrDefault(ConsulAnnotations.ConnectService)?.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        if (names is not { Count: > 1 })
        {
            return (false, null);
        }

        var entries = portAnnotation?.Split(',').Select(t => t.Trim()).ToList()
            ?? (first?.Ports ?? []).Select(p => p.Name ?? p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var index = names.IndexOf(service);
        return (true, index >= 0 && index < entries.Count && entries[index].Length > 0 ? entries[index] : null);
    }

    private static DeclaredContainerPort[] Declared(IEnumerable<V1Container> containers) =>
        containers.SelectMany(c => c.Ports ?? []).Select(p => new DeclaredContainerPort(p.ContainerPort, p.Name)).ToArray();

    /// <summary>The ports kubelet probes (httpGet, tcpSocket, grpc), a name resolved against the pod's container ports.</summary>
    private static IEnumerable<int> ProbedPorts(IEnumerable<V1Container> containers, IReadOnlyList<DeclaredContainerPort> declared)
    {
        foreach (var probe in containers.SelectMany(c => new[] { c.LivenessProbe, c.ReadinessProbe, c.StartupProbe }).OfType<V1Probe>())
        {
            if (probe.Grpc is { } grpc)
            {
                yield return grpc.Port;
            }

            var port = probe.HttpGet?.Port?.Value ?? probe.TcpSocket?.Port?.Value;
            if (port is not null && (int.TryParse(port, out var number) ? number : TargetPortMismatchCheck.Resolve(declared, port, isName: true)) is int resolved)
            {
                yield return resolved;
            }
        }
    }

    private static IEnumerable<Evidence> Evidence(Workload workload, SelectedWorkload facts)
    {
        yield return new(workload.Resource.Ref, workload.LocationOfPodField("containers"), $"declares ports {string.Join(", ", facts.Ports)}");
        foreach (var bind in workload.Binds)
        {
            yield return new(bind.Site.WrittenIn.Ref, bind.Site.Location, $"listens on {bind.Bind.Excerpt}");
        }
    }
}
