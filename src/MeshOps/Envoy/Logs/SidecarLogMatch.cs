namespace MeshOps.Envoy.Logs;

/// <summary>
/// One recognised line of a sidecar's log: its position among the lines scanned, the line with every credential masked,
/// what it means and whether it is a failure (<see cref="SidecarLogKind.ConsulConnected"/> is not).
/// </summary>
public sealed record SidecarLogMatch(int Index, string Line, SidecarLogKind Kind, string Meaning)
{
    public bool IsFailure => Kind != SidecarLogKind.ConsulConnected;

    public override string ToString() => $"{Kind}: {Line}";
}
