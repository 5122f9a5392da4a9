namespace MeshOps.Envoy.Admin;

/// <summary>Why a pod or a service named as a target has no sidecar to ask.</summary>
public enum EnvoyTargetProblem
{
    PodNotFound,
    PodNotRunning,
    ServiceNotFound,
    ServiceHasNoPods,
}

/// <summary>A -Pod or -Service that names no running sidecar: the message says which object and the kubectl command that shows it.</summary>
public sealed class EnvoyTargetException : Exception
{
    public EnvoyTargetException(EnvoyTargetProblem problem, string target, string message)
        : base(message)
    {
        Problem = problem;
        Target = target;
    }

    public EnvoyTargetProblem Problem { get; }

    /// <summary>The object as <c>namespace/name</c>.</summary>
    public string Target { get; }
}
