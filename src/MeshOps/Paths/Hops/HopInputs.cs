using System.Runtime.CompilerServices;
using k8s.Models;

namespace MeshOps.Paths.Hops;

/// <summary>
/// What a hop's check reads besides the model, compared by identity. Test-MeshPath -All traces many paths that share an
/// end, and the ends are resolved once per name (<see cref="PathIndex"/>): a hop that reads only the destination is then
/// judged once per destination instead of once per edge, which is most of what tracing allocated and kept.
/// </summary>
/// <remarks>An end left null is one the check does not read.</remarks>
internal readonly struct HopInputs(PathEnd? source, PathEnd? destination, V1ServicePort? servicePort = null, int? port = null)
    : IEquatable<HopInputs>
{
    private readonly PathEnd? _source = source;
    private readonly PathEnd? _destination = destination;
    private readonly V1ServicePort? _servicePort = servicePort;
    private readonly int? _port = port;

    public static HopInputs Source(PathContext path) => new(path.Source, null);

    public static HopInputs Destination(PathContext path) => new(null, path.Destination);

    public bool Equals(HopInputs other) =>
        ReferenceEquals(_source, other._source) && ReferenceEquals(_destination, other._destination)
        && ReferenceEquals(_servicePort, other._servicePort) && _port == other._port;

    public override bool Equals(object? obj) => obj is HopInputs other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(_source), RuntimeHelpers.GetHashCode(_destination), RuntimeHelpers.GetHashCode(_servicePort), _port);
}
