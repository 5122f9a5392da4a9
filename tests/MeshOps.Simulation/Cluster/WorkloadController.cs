using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What the Deployment, ReplicaSet, StatefulSet and DaemonSet controllers, the consul-k8s webhook and the kubelet make
/// of the workloads: a ReplicaSet per Deployment, the pods with their generated names, labels, owner references, the
/// injected sidecar and a status, and each owner's status. A pod whose ServiceAccount does not exist is refused by the
/// API server, so the ReplicaSet reports FailedCreate and there is no pod (what a real cluster shows).
/// </summary>
internal sealed class WorkloadController(string nodeName, KubeNames.Addresses addresses, InjectorSettings injector, IReadOnlyList<RuntimeFault> faults)
{
    private const string Timestamp = "2026-01-05T09:00:00Z";

    public List<JsonObject> Created { get; } = [];

    public List<SimulatedPod> Pods { get; } = [];

    /// <summary>Runs the controllers over <paramref name="objects"/> (updating the owners' status in place).</summary>
    public void Reconcile(IReadOnlyList<JsonObject> objects)
    {
        var serviceAccounts = objects.Where(o => o.Kind() == "ServiceAccount").Select(o => (o.Namespace(), o.Name())).ToHashSet();
        var services = objects.Where(o => o.Kind() == "Service").ToList();
        foreach (var owner in objects.Where(o => o.Kind() is "Deployment" or "StatefulSet" or "DaemonSet"))
        {
            var replicas = owner.Kind() == "DaemonSet" ? 1 : (int?)owner["spec"]?["replicas"].Long() ?? 1;
            var template = owner["spec"]?["template"] as JsonObject ?? new JsonObject();
            var ns = owner.Namespace() ?? "default";
            var serviceAccount = template.Text("spec", "serviceAccountName") ?? template.Text("spec", "serviceAccount") ?? "default";
            var saMissing = !serviceAccounts.Contains((ns, serviceAccount));

            var (podOwner, hashLabel, hash) = owner.Kind() switch
            {
                "Deployment" => ReplicaSet(owner, template, replicas),
                _ => (owner, "controller-revision-hash", $"{owner.Name()}-{KubeNames.TemplateHash(ns + "/" + owner.Name())}"),
            };

            var created = 0;
            var ready = 0;
            if (!saMissing)
            {
                for (var i = 0; i < replicas; i++)
                {
                    var name = owner.Kind() == "StatefulSet" ? $"{owner.Name()}-{i}"
                        : owner.Kind() == "DaemonSet" ? $"{owner.Name()}-{KubeNames.PodSuffix($"{ns}/{owner.Name()}/{i}")}"
                        : $"{podOwner.Name()}-{KubeNames.PodSuffix($"{ns}/{podOwner.Name()}/{i}")}";
                    var pod = Pod(owner, podOwner, template, name, hashLabel, hash, services);
                    created++;
                    ready += pod.Ready ? 1 : 0;
                }
            }

            var failedCreate = saMissing
                ? $"pods \"{podOwner.Name()}-\" is forbidden: error looking up service account {ns}/{serviceAccount}: serviceaccount \"{serviceAccount}\" not found"
                : null;
            OwnerStatus(owner, replicas, created, ready, failedCreate);
            if (!ReferenceEquals(podOwner, owner))
            {
                OwnerStatus(podOwner, replicas, created, ready, failedCreate);
            }
        }
    }

    private (JsonObject Owner, string HashLabel, string Hash) ReplicaSet(JsonObject deployment, JsonObject template, int replicas)
    {
        var ns = deployment.Namespace() ?? "default";
        var hash = KubeNames.TemplateHash($"{ns}/{deployment.Name()}/{template.ToJsonString()}");
        var name = $"{deployment.Name()}-{hash}";
        var deploymentUid = deployment.Text("metadata", "uid") ?? KubeNames.Uid($"Deployment/{ns}/{deployment.Name()}");
        deployment.Child("metadata")["uid"] = deploymentUid;
        deployment.Child("metadata").Child("annotations")["deployment.kubernetes.io/revision"] = "1";
        var rsTemplate = (JsonObject)template.DeepClone();
        rsTemplate.Child("metadata").Child("labels")["pod-template-hash"] = hash;
        var selector = (JsonObject?)deployment["spec"]?["selector"]?.DeepClone() ?? new JsonObject();
        selector.Child("matchLabels")["pod-template-hash"] = hash;
        var labels = template["metadata"]?["labels"].Map().ToDictionary() ?? [];
        labels["pod-template-hash"] = hash;

        var replicaSet = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["uid"] = KubeNames.Uid($"ReplicaSet/{ns}/{name}"),
                ["labels"] = labels.ToJson(),
                ["annotations"] = new JsonObject
                {
                    ["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/max-replicas"] = (replicas + Math.Max(1, (replicas + 3) / 4)).ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/revision"] = "1",
                },
                ["ownerReferences"] = new JsonArray(JsonPaths.OwnerReference("apps/v1", "Deployment", deployment.Name(), deploymentUid)),
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = rsTemplate },
        };
        Created.Add(replicaSet);
        return (replicaSet, "pod-template-hash", hash);
    }

    private SimulatedPod Pod(JsonObject workload, JsonObject podOwner, JsonObject template, string name, string hashLabel, string hash, IReadOnlyList<JsonObject> services)
    {
        var ns = workload.Namespace() ?? "default";
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = (JsonObject?)template["metadata"]?.DeepClone() ?? new JsonObject(),
            ["spec"] = (JsonObject?)template["spec"]?.DeepClone() ?? new JsonObject(),
        };
        var metadata = pod.Child("metadata");
        metadata["name"] = name;
        metadata["namespace"] = ns;
        metadata["uid"] = KubeNames.Uid($"Pod/{ns}/{name}");
        if (podOwner.Kind() == "ReplicaSet")
        {
            metadata["generateName"] = podOwner.Name() + "-";
        }

        var labels = metadata.Child("labels");
        labels[hashLabel] = hash;
        if (workload.Kind() == "StatefulSet")
        {
            labels["statefulset.kubernetes.io/pod-name"] = name;
        }

        metadata["ownerReferences"] = new JsonArray(JsonPaths.OwnerReference("apps/v1", podOwner.Kind(), podOwner.Name(),
            podOwner.Text("metadata", "uid") ?? KubeNames.Uid($"{podOwner.Kind()}/{ns}/{podOwner.Name()}")));

        var spec = pod.Child("spec");
        var serviceAccount = spec.Text("serviceAccountName") ?? "default";
        spec["serviceAccountName"] = serviceAccount;
        spec["serviceAccount"] = serviceAccount;
        spec["nodeName"] = nodeName;
        spec["restartPolicy"] ??= "Always";
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["enableServiceLinks"] ??= true;
        if (workload.Kind() == "StatefulSet")
        {
            spec["hostname"] = name;
            if (workload.Text("spec", "serviceName") is { } governing)
            {
                spec["subdomain"] = governing;
            }
        }

        var injected = SidecarInjector.ShouldInject(ns, metadata["annotations"].Map(), injector);
        if (injected)
        {
            SidecarInjector.Inject(pod, injector);
        }

        var podIp = addresses.NextPodIp();
        var (ready, sidecarReady) = PodStatusWriter.Write(pod, podIp, Trouble(workload, pod, injected, services));
        Created.Add(pod);
        var simulated = new SimulatedPod(ns, name, workload.Name(), pod, injected, podIp, ready, sidecarReady);
        Pods.Add(simulated);
        return simulated;
    }

    private PodTrouble Trouble(JsonObject workload, JsonObject pod, bool injected, IReadOnlyList<JsonObject> services)
    {
        var service = workload.Name();
        if (faults.Any(f => f.Applies(RuntimeFaultKind.CrashLoopBackOff, service)))
        {
            return PodTrouble.CrashLoop;
        }

        if (injected)
        {
            // consul-k8s registers a mesh pod only from the Endpoints of a Service that selects it, and connect-init
            // refuses a pod that more than one such Service selects (connect-init/command.go).
            var selecting = services.Count(s => s.Namespace() == pod.Namespace() && Selects(s, pod)
                && s["metadata"]?["labels"]?["consul.hashicorp.com/service-ignore"].Text() != "true");
            if (selecting == 0)
            {
                return PodTrouble.InitWaiting;
            }

            if (selecting > 1)
            {
                return PodTrouble.InitFailing;
            }
        }

        if (faults.Any(f => f.Applies(RuntimeFaultKind.SidecarNotReady, service)) && injected)
        {
            return PodTrouble.SidecarNotReady;
        }

        return faults.Any(f => f.Applies(RuntimeFaultKind.NoReadyEndpoints, service)) ? PodTrouble.AppNotReady : PodTrouble.None;
    }

    /// <summary>A Service with a selector selects the pods whose labels include every selector pair.</summary>
    public static bool Selects(JsonObject service, JsonObject pod)
    {
        var selector = service["spec"]?["selector"].Map();
        if (selector is null || selector.Count == 0)
        {
            return false;
        }

        var labels = pod["metadata"]?["labels"].Map() ?? new Dictionary<string, string>();
        return selector.All(p => labels.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    private static void OwnerStatus(JsonObject owner, int replicas, int created, int ready, string? failedCreate)
    {
        var status = new JsonObject
        {
            ["observedGeneration"] = 1,
            ["replicas"] = created,
        };
        if (ready > 0)
        {
            status["readyReplicas"] = ready;
            status["availableReplicas"] = ready;
        }

        switch (owner.Kind())
        {
            case "Deployment":
                status["updatedReplicas"] = created;
                if (replicas - ready > 0)
                {
                    status["unavailableReplicas"] = replicas - ready;
                }

                status["conditions"] = new JsonArray(
                    Condition("Available", ready >= replicas, ready >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                        ready >= replicas ? "Deployment has minimum availability." : "Deployment does not have minimum availability."),
                    failedCreate is not null
                        ? Condition("ReplicaFailure", true, "FailedCreate", failedCreate)
                        : Condition("Progressing", true, "NewReplicaSetAvailable", $"ReplicaSet \"{owner.Name()}\" has successfully progressed."));
                break;
            case "ReplicaSet":
                status["fullyLabeledReplicas"] = created;
                if (failedCreate is not null)
                {
                    status["conditions"] = new JsonArray(Condition("ReplicaFailure", true, "FailedCreate", failedCreate));
                }

                break;
            case "StatefulSet":
                status["currentReplicas"] = created;
                status["updatedReplicas"] = created;
                status["availableReplicas"] = ready;
                break;
            case "DaemonSet":
                status = new JsonObject
                {
                    ["currentNumberScheduled"] = created,
                    ["desiredNumberScheduled"] = 1,
                    ["numberAvailable"] = ready,
                    ["numberReady"] = ready,
                    ["numberMisscheduled"] = 0,
                    ["observedGeneration"] = 1,
                    ["updatedNumberScheduled"] = created,
                };
                break;
        }

        owner["status"] = status;
    }

    private static JsonObject Condition(string type, bool status, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = status ? "True" : "False",
        ["reason"] = reason,
        ["message"] = message,
        ["lastUpdateTime"] = Timestamp,
        ["lastTransitionTime"] = Timestamp,
    };
}
