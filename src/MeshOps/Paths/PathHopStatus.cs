namespace MeshOps.Paths;

/// <summary>
/// What a hop's check concluded. Unknown means the inputs hold nothing to judge it by: it is never shown as Pass.
/// Skipped means the check does not apply here (offline, or an earlier end did not resolve).
/// </summary>
public enum PathHopStatus
{
    Pass,
    Fail,
    Warn,
    Unknown,
    Skipped,
}
