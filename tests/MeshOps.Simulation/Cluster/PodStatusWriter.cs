using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>Why a pod is not simply running and ready.</summary>
internal enum PodTrouble
{
    None,

    /// <summary>connect-init waits for a Consul registration that never comes (no Service selects the pod).</summary>
    InitWaiting,

    /// <summary>connect-init exits with an error and the kubelet restarts it (several Services select the pod).</summary>
    InitFailing,

    /// <summary>The application container crashes and is restarted with back-off.</summary>
    CrashLoop,

    /// <summary>The application runs but fails its readiness probe.</summary>
    AppNotReady,

    /// <summary>consul-dataplane runs but Envoy is not ready.</summary>
    SidecarNotReady,
}

/// <summary>The status the kubelet writes on a pod: phase, conditions, IPs and one status per container.</summary>
internal static class PodStatusWriter
{
    private const string StartedAt = "2026-01-05T09:00:00Z";

    public static (bool Ready, bool SidecarReady) Write(JsonObject pod, string podIp, PodTrouble trouble)
    {
        var spec = pod.Child("spec");
        var containers = (spec["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var inits = (spec["initContainers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var initialized = trouble is not (PodTrouble.InitWaiting or PodTrouble.InitFailing);
        var appName = containers.FirstOrDefault()?.Text("name");

        var containerStatuses = new JsonArray();
        var unready = new List<string>();
        foreach (var container in containers)
        {
            var name = container.Text("name") ?? "";
            var isSidecar = name == SidecarInjector.DataplaneContainer;
            JsonObject status;
            if (!initialized)
            {
                status = Waiting(container, "PodInitializing", null, restarts: 0);
            }
            else if (trouble == PodTrouble.CrashLoop && name == appName)
            {
                status = Waiting(container, "CrashLoopBackOff", $"back-off 5m0s restarting failed container={name} pod={pod.Name()}_{pod.Namespace()}({pod.Text("metadata", "uid")})", restarts: 7);
                status["lastState"] = new JsonObject
                {
                    ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error", ["startedAt"] = StartedAt, ["finishedAt"] = StartedAt, ["containerID"] = ContainerId(pod, name) },
                };
            }
            else
            {
                var containerReady = !(trouble == PodTrouble.SidecarNotReady && isSidecar) && !(trouble == PodTrouble.AppNotReady && name == appName);
                status = Running(container, pod, containerReady);
            }

            if (status["ready"]?.GetValue<bool>() != true)
            {
                unready.Add(name);
            }

            containerStatuses.Add(status);
        }

        var initStatuses = new JsonArray();
        foreach (var init in inits)
        {
            var name = init.Text("name") ?? "";
            initStatuses.Add(trouble switch
            {
                PodTrouble.InitWaiting => Running(init, pod, ready: false),
                PodTrouble.InitFailing => InitCrash(init, pod),
                _ => Completed(init, pod),
            });
        }

        var ready = initialized && unready.Count == 0;
        var sidecarReady = containers.Any(c => c.Text("name") == SidecarInjector.DataplaneContainer) && !unready.Contains(SidecarInjector.DataplaneContainer) && initialized;
        var unreadyMessage = $"containers with unready status: [{string.Join(' ', unready)}]";
        pod["status"] = new JsonObject
        {
            ["phase"] = initialized ? "Running" : "Pending",
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", true),
                Condition("Initialized", initialized, initialized ? null : "ContainersNotInitialized", initialized ? null : $"containers with incomplete status: [{SidecarInjector.InitContainer}]"),
                Condition("Ready", ready, ready ? null : "ContainersNotReady", ready ? null : unreadyMessage),
                Condition("ContainersReady", ready, ready ? null : "ContainersNotReady", ready ? null : unreadyMessage),
                Condition("PodScheduled", true)),
            ["hostIP"] = "172.18.0.2",
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = "172.18.0.2" }),
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = StartedAt,
            ["qosClass"] = "BestEffort",
            ["containerStatuses"] = containerStatuses,
        };
        if (initStatuses.Count > 0)
        {
            pod["status"]!["initContainerStatuses"] = initStatuses;
        }

        return (ready, sidecarReady);
    }

    private static JsonObject Base(JsonObject container, bool ready, int restarts) => new()
    {
        ["name"] = container.Text("name"),
        ["image"] = container.Text("image"),
        ["imageID"] = $"docker.io/{container.Text("image")}@sha256:{KubeNames.Suffix(container.Text("image") ?? "", 16)}",
        ["ready"] = ready,
        ["restartCount"] = restarts,
    };

    private static JsonObject Running(JsonObject container, JsonObject pod, bool ready)
    {
        var status = Base(container, ready, 0);
        status["containerID"] = ContainerId(pod, container.Text("name") ?? "");
        status["started"] = true;
        status["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = StartedAt } };
        status["lastState"] = new JsonObject();
        return status;
    }

    private static JsonObject Waiting(JsonObject container, string reason, string? message, int restarts)
    {
        var status = Base(container, false, restarts);
        status["started"] = false;
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
        {
            waiting["message"] = message;
        }

        status["state"] = new JsonObject { ["waiting"] = waiting };
        status["lastState"] = new JsonObject();
        return status;
    }

    private static JsonObject Completed(JsonObject init, JsonObject pod)
    {
        var status = Base(init, true, 0);
        status["containerID"] = ContainerId(pod, init.Text("name") ?? "");
        status["started"] = false;
        status["state"] = new JsonObject
        {
            ["terminated"] = new JsonObject { ["exitCode"] = 0, ["reason"] = "Completed", ["startedAt"] = StartedAt, ["finishedAt"] = StartedAt, ["containerID"] = ContainerId(pod, init.Text("name") ?? "") },
        };
        status["lastState"] = new JsonObject();
        return status;
    }

    private static JsonObject InitCrash(JsonObject init, JsonObject pod)
    {
        var status = Waiting(init, "CrashLoopBackOff", $"back-off 5m0s restarting failed container={init.Text("name")} pod={pod.Name()}_{pod.Namespace()}({pod.Text("metadata", "uid")})", restarts: 5);
        status["lastState"] = new JsonObject
        {
            ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error", ["startedAt"] = StartedAt, ["finishedAt"] = StartedAt, ["containerID"] = ContainerId(pod, init.Text("name") ?? "") },
        };
        return status;
    }

    private static JsonObject Condition(string type, bool status, string? reason = null, string? message = null)
    {
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = StartedAt,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }

        return condition;
    }

    private static string ContainerId(JsonObject pod, string container) =>
        "containerd://" + KubeNames.Suffix($"{pod.Namespace()}/{pod.Name()}/{container}", 24).ToLower(CultureInfo.InvariantCulture);
}
