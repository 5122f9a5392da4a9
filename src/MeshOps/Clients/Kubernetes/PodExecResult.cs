namespace MeshOps.Clients.Kubernetes;

/// <summary>What a command run in a container printed, and its exit code (0 for the kubelet's Success status).</summary>
public sealed record PodExecResult(string Stdout, string Stderr, int ExitCode);
