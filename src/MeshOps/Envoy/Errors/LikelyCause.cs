namespace MeshOps.Envoy.Errors;

/// <summary>
/// One likely cause of an Envoy failure in a Consul mesh, most likely first: the <c>Test-MeshPath</c> hop that checks
/// it (<c>DestinationWorkload</c>, <c>ServicePort</c>, <c>Listener</c>, …), what would be wrong, and a command to look.
/// </summary>
public sealed record LikelyCause(int Rank, string Hop, string Cause, string Check);
