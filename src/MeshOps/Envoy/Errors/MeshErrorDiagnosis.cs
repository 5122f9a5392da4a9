namespace MeshOps.Envoy.Errors;

/// <summary>
/// An Envoy failure explained for a Consul mesh: the fields the line holds, what they mean, the likely causes ranked,
/// and the <c>Test-MeshPath</c> call that checks them on the path (with the services the line names, when it names them).
/// </summary>
public sealed record MeshErrorDiagnosis : EnvoyErrorLine
{
    public required FailureCondition Condition { get; init; }

    /// <summary>What happened, in a sentence or two.</summary>
    public required string Meaning { get; init; }

    public required IReadOnlyList<LikelyCause> LikelyCauses { get; init; }

    /// <summary>The command to run next: <c>Test-MeshPath -From public-api -To products-api</c>; unknown ends are placeholders.</summary>
    public required string NextCommand { get; init; }
}
