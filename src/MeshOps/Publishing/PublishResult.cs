using MeshOps.Secrets;

namespace MeshOps.Publishing;

/// <summary>One object's outcome: which object, what became of it, why, and which fields that concerns.</summary>
public sealed record PublishResult(string Kind, string Namespace, string Name, PublishStatus Status)
{
    /// <summary>Why, in the words of the API server or consul-k8s (a conflict's manager, the controller's message); cleaned for output.</summary>
    public string? Reason { get; init => field = OutputText.CleanOrNull(value); }

    /// <summary>The fields concerned: the conflicting field paths, or the Consul entry fields that differ.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public override string ToString() => $"{Kind}/{Namespace}/{Name}: {Status}" + (Reason is null ? string.Empty : $" ({Reason})");
}
