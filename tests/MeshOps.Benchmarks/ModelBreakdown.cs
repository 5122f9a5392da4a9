using System.Diagnostics;
using System.Globalization;
using k8s.Models;
using MeshOps.Loading;
using MeshOps.Model;
using MeshOps.Rules.Intentions;

namespace MeshOps.Benchmarks;

/// <summary>
/// Diagnostic only: the steps of <see cref="MeshModelBuilder.Build"/>, re-run one by one with a stopwatch around each.
/// It mirrors Build's sequence (without the ownerReferences filter, which the synthetic mesh never needs), so it
/// must be kept in step with Build by hand; it is not used for any figure of the target table.
/// </summary>
public static class ModelBreakdown
{
    public const int Runs = 5;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var columns = new List<Dictionary<string, double>>();
        JitWarmup.Ensure();
        foreach (var size in sizes)
        {
            var set = Pipeline.Parse(SyntheticMesh.Generate(size));
            Once(set);
            var runs = Enumerable.Range(0, Runs).Select(_ => Once(set)).ToList();
            columns.Add(runs[0].Keys.ToDictionary(k => k, k => QuickRunner.Median(runs.Select(r => r[k]))));
        }

        output.WriteLine();
        output.WriteLine($"Breakdown of MeshModelBuilder.Build (median of {Runs} runs, ms)");
        output.WriteLine(string.Format(inv, "{0,-48}", "step") + string.Concat(sizes.Select(s => string.Format(inv, "{0,10}", s))));
        foreach (var step in columns[0].Keys)
        {
            output.WriteLine(string.Format(inv, "{0,-48}", step) + string.Concat(columns.Select(c => string.Format(inv, "{0,10:F1}", c[step]))));
        }
    }

    private static Dictionary<string, double> Once(ManifestSet manifests)
    {
        GC.Collect();
        var times = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        void Lap(string step)
        {
            times[step] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
        }

        var resources = manifests.Resources;
        var workloads = new List<Workload>();
        var services = new List<MeshService>();
        var configMaps = new Dictionary<ObjectKey, ManifestResource>();
        var intentions = new List<ManifestResource>();
        var serviceDefaults = new List<ManifestResource>();
        foreach (var resource in resources)
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            switch (resource.Model)
            {
                case V1Service service:
                    services.Add(new MeshService { Resource = resource, Service = service, Namespace = ns });
                    break;
                case V1ConfigMap:
                    configMaps.TryAdd(new ObjectKey(ns, resource.Name), resource);
                    break;
                default:
                    if (resource.Kind == "ServiceIntentions")
                    {
                        intentions.Add(resource);
                    }
                    else if (resource.Kind == "ServiceDefaults")
                    {
                        serviceDefaults.Add(resource);
                    }

                    break;
            }
        }

        Lap("classify resources");
        foreach (var resource in resources)
        {
            if (resource.Kind == "Deployment" && WorkloadReader.Read(resource, MeshModelBuilder.NamespaceOf(resource)) is { } workload)
            {
                workloads.Add(workload);
            }
        }

        Lap("WorkloadReader.Read (all workloads)");
        var servicesByKey = services.ToDictionary(s => s.Key);
        var index = new LabelIndex(workloads);
        var selectedBy = new Dictionary<Workload, List<MeshService>>();
        foreach (var service in services)
        {
            service.Workloads = index.Select(service.Namespace, service.Selector);
            foreach (var workload in service.Workloads)
            {
                if (!selectedBy.TryGetValue(workload, out var list))
                {
                    selectedBy[workload] = list = [];
                }

                list.Add(service);
            }
        }

        foreach (var (workload, list) in selectedBy)
        {
            workload.Services = list;
        }

        Lap("select workloads (LabelIndex)");
        var protocols = new ProtocolTable(serviceDefaults, []);
        foreach (var service in services)
        {
            service.Defaults = protocols.DefaultsFor(service.Namespace, service.Name);
            service.Protocol = protocols.For(service.Namespace, service.Name);
        }

        Lap("protocols (ProtocolTable.For)");
        var scans = new List<(Workload, IReadOnlyList<LocatedEndpoint>)>();
        foreach (var workload in workloads)
        {
            var (endpoints, binds) = WorkloadConfigScanner.Scan(workload, configMaps);
            workload.Binds = binds;
            scans.Add((workload, endpoints));
        }

        Lap("WorkloadConfigScanner.Scan (env, ConfigMaps)");
        var edges = new List<CallEdge>();
        foreach (var (workload, endpoints) in scans)
        {
            foreach (var edge in CallSiteScanner.Edges(workload, endpoints))
            {
                edge.Target = servicesByKey.GetValueOrDefault(new ObjectKey(edge.TargetNamespace, edge.TargetName));
                edges.Add(edge);
            }
        }

        Lap("CallSiteScanner.Edges + target lookup");
        ConsulServiceNames.Collect(resources, services, workloads);
        Lap("ConsulServiceNames.Collect");
        var entries = IntentionSetReader.Read(intentions);
        Lap("IntentionSetReader.Read");
        _ = new IntentionEvaluator(entries);
        Lap("new IntentionEvaluator (index)");
        times["sum"] = times.Values.Sum();
        return times;
    }
}
