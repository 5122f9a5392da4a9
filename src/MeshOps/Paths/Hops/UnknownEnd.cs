namespace MeshOps.Paths.Hops;

/// <summary>The verdict on an end that names nothing in the inputs, with the nearest names it may have meant.</summary>
internal static class UnknownEnd
{
    public static HopJudgement Judge(PathEnd end, string role)
    {
        var nearest = end.Nearest.Count == 0 ? "no name in the inputs is close to it" : $"nearest: {string.Join(", ", end.Nearest)}";
        var guess = end.Nearest.Count == 0 ? "" : $" (did you mean '{end.Nearest[0]}'?)";
        return new HopJudgement(
            PathHopStatus.Fail,
            [$"'{end.Written}' names no Service, Consul service or workload in namespace {end.Namespace} of the inputs", nearest],
            $"'{end.Written}' names no service{guess}",
            $"Name {role} by its Kubernetes Service, Consul service or workload name{guess}.",
            $"kubectl get services,deployments -n {end.Namespace}");
    }
}
